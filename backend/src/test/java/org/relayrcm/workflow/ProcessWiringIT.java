package org.relayrcm.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.relayrcm.testing.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every bean a BPMN expression names exists in the running application, and every model is deployed. */
@RelayIntegrationTest
class ProcessWiringIT {

    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");
    /**
     * Set by delegates, correlations and completed tasks, not beans: the scrubber, the 999 and 277CA, the remittance
     * and its denial route, denial work, the appeal, the write-off approval.
     */
    private static final List<String> PROCESS_VARIABLES = List.of("claimNumber", "encounterId", "claimOutcome",
            "denialResolution", "execution", "codingCaseId", "claimClean", "functionalAckAccepted", "claimAccepted",
            "denialRoute", "writeOffApproved", "appealDeadline", "appealOutcome");

    @Autowired
    ApplicationContext context;
    @Autowired
    RepositoryService repository;

    @Test
    void everyExpressionInTheModelsResolvesToABeanOrAProcessVariable() throws IOException {
        Resource[] models = new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/*.bpmn");
        assertThat(models).hasSizeGreaterThanOrEqualTo(2);
        List<String> missing = new ArrayList<>();
        for (Resource model : models) {
            String xml;
            try (InputStream in = model.getInputStream()) {
                xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            Matcher m = EXPRESSION.matcher(xml);
            while (m.find()) {
                String name = m.group(1);
                if (!PROCESS_VARIABLES.contains(name) && !context.containsBean(name)) {
                    missing.add(model.getFilename() + ": " + name);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void deploysEveryProcessOfTheRelay() {
        for (String key : List.of("revenue-cycle", "claim-submission", "remittance-review", "patient-statement")) {
            assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().count())
                    .as(key).isEqualTo(1);
        }
    }
}
