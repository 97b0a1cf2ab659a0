package org.relayrcm.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.relayrcm.testing.Api;
import org.relayrcm.testing.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * XML that names an external entity reads nothing from the server. The one XML parser reachable from outside is the
 * engine's (deployments through /engine-rest, admin only); the FHIR endpoint takes JSON, never XML.
 */
@RelayIntegrationTest
class XmlExternalEntitiesIT {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repository;

    @Test
    void theEngineParsesDeploymentsWithoutResolvingExternalEntities() throws Exception {
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).isEnableXxeProcessing())
                .isFalse();
        Path secret = Files.createTempFile("relay-xxe", ".txt");
        Files.writeString(secret, "TOP-SECRET-FROM-DISK");
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE definitions [<!ENTITY leak SYSTEM "%s">]>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="https://relayrcm.org/xxe">
                  <process id="xxe-probe" name="&leak;" isExecutable="true" camunda:historyTimeToLive="1">
                    <startEvent id="Start" />
                  </process>
                </definitions>""".formatted(secret.toUri());

        try {
            repository.createDeployment().addString("xxe-probe.bpmn", bpmn).deploy();
            ProcessDefinition deployed = repository.createProcessDefinitionQuery().processDefinitionKey("xxe-probe")
                    .latestVersion().singleResult();
            assertThat(deployed.getName()).as("the entity was not read from disk").doesNotContain("TOP-SECRET");
        } catch (ProcessEngineException refused) {
            assertThat(refused.getMessage()).doesNotContain("TOP-SECRET");
        } finally {
            Files.deleteIfExists(secret);
        }
    }

    @Test
    void theFhirEndpointRefusesXml() {
        Api.Response response = Api.as(port, "ehr").postRaw("/fhir/Bundle", "application/fhir+xml",
                "<Bundle xmlns=\"http://hl7.org/fhir\"/>".getBytes());

        assertThat(response.status()).isEqualTo(415);
    }
}
