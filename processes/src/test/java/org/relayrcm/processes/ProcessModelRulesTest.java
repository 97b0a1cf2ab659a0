package org.relayrcm.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * House rules for every model shipped in this jar, so that they hold as the models grow: each
 * file deploys, each process keeps claims history for ten years and carries a version tag, and
 * everything that leaves the JVM runs asynchronously with a retry cycle.
 */
@ExtendWith(ProcessEngineExtension.class)
class ProcessModelRulesTest {

    private static final int CLAIMS_RECORD_RETENTION_DAYS = 3650;
    private static final Set<String> ROLES = Set.of("coder", "biller", "manager", "auditor", "physician");

    /** Injected by the extension from camunda.cfg.xml. */
    ProcessEngine processEngine;

    private RepositoryService repositoryService;
    private String deploymentId;

    @BeforeEach
    void deployEveryModelInTheJar() throws IOException, URISyntaxException {
        repositoryService = processEngine.getRepositoryService();
        DeploymentBuilder deployment = repositoryService.createDeployment().name("every model in the jar");
        for (String resource : modelResources()) {
            deployment.addClasspathResource(resource);
        }
        deploymentId = deployment.deploy().getId();
    }

    @AfterEach
    void undeploy() {
        repositoryService.deleteDeployment(deploymentId, true);
    }

    @Test
    void deploysOneExecutableProcessPerBpmnFileNamedAfterIt() throws IOException, URISyntaxException {
        List<String> bpmnFiles = bpmnResources();
        List<String> expectedKeys = bpmnFiles.stream()
                .map(resource -> resource.substring("bpmn/".length(), resource.length() - ".bpmn".length()))
                .toList();

        assertThat(bpmnFiles).contains("bpmn/revenue-cycle.bpmn", "bpmn/claim-submission.bpmn");
        assertThat(deployedProcesses()).extracting(ProcessDefinition::getKey)
                .containsExactlyInAnyOrderElementsOf(expectedKeys);
        for (String resource : bpmnFiles) {
            try (InputStream in = resource(resource)) {
                Collection<Process> processes = Bpmn.readModelFromStream(in).getModelElementsByType(Process.class);
                assertThat(processes).as(resource).hasSize(1);
                assertThat(processes.iterator().next().isExecutable()).as(resource).isTrue();
            }
        }
    }

    @Test
    void keepsEveryProcessHistoryForTenYearsAndVersionsIt() {
        for (ProcessDefinition process : deployedProcesses()) {
            assertThat(process.getHistoryTimeToLive()).as(process.getKey() + " historyTimeToLive")
                    .isEqualTo(CLAIMS_RECORD_RETENTION_DAYS);
            assertThat(process.getVersionTag()).as(process.getKey() + " versionTag").isNotBlank();
        }
    }

    @Test
    void runsEveryServiceTaskAsynchronouslyWithARetryCycle() {
        for (ProcessDefinition process : deployedProcesses()) {
            BpmnModelInstance model = repositoryService.getBpmnModelInstance(process.getId());
            List<FlowNode> leavesTheJvm = new ArrayList<>(model.getModelElementsByType(ServiceTask.class));
            leavesTheJvm.addAll(model.getModelElementsByType(SendTask.class));
            for (FlowNode task : leavesTheJvm) {
                String where = process.getKey() + "/" + task.getId();
                assertThat(task.isCamundaAsyncBefore()).as(where + " asyncBefore").isTrue();
                // A repeating cycle (R5/PT1M) or a back-off list of intervals (PT1M,PT5M,PT1H).
                assertThat(retryTimeCycle(task)).as(where + " failedJobRetryTimeCycle")
                        .matches("R\\d+/PT?\\d+[SMHD]|PT?\\d+[SMHD](,PT?\\d+[SMHD])+");
            }
        }
    }

    @Test
    void referencesEveryDelegateByBeanName() {
        for (ProcessDefinition process : deployedProcesses()) {
            BpmnModelInstance model = repositoryService.getBpmnModelInstance(process.getId());
            for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
                String where = process.getKey() + "/" + task.getId();
                assertThat(task.getCamundaClass()).as(where + " camunda:class").isNull();
                assertThat(task.getCamundaDelegateExpression()).as(where + " camunda:delegateExpression")
                        .matches("\\$\\{[a-z][A-Za-z]*Delegate}");
            }
        }
    }

    @Test
    void runsEveryBusinessRuleAsADmnDecisionOrADelegateBeanInTheCallersTransaction() {
        for (ProcessDefinition process : deployedProcesses()) {
            BpmnModelInstance model = repositoryService.getBpmnModelInstance(process.getId());
            for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
                String where = process.getKey() + "/" + task.getId();
                assertThat(task.getCamundaClass()).as(where + " camunda:class").isNull();
                if (task.getCamundaDecisionRef() == null) {
                    assertThat(task.getCamundaDelegateExpression()).as(where + " camunda:delegateExpression")
                            .matches("\\$\\{[a-z][A-Za-z]*Delegate}");
                }
            }
        }
    }

    @Test
    void offersEveryUserTaskToARole() {
        for (ProcessDefinition process : deployedProcesses()) {
            BpmnModelInstance model = repositoryService.getBpmnModelInstance(process.getId());
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                String where = process.getKey() + "/" + task.getId();
                assertThat(task.getName()).as(where + " name").isNotBlank();
                assertThat(task.getCamundaCandidateGroupsList()).as(where + " candidateGroups")
                        .isNotEmpty()
                        .allMatch(ROLES::contains);
            }
        }
    }

    private List<ProcessDefinition> deployedProcesses() {
        return repositoryService.createProcessDefinitionQuery().deploymentId(deploymentId).list();
    }

    private static String retryTimeCycle(BaseElement element) {
        ExtensionElements extensions = element.getExtensionElements();
        if (extensions == null) {
            return "";
        }
        return extensions.getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class).list().stream()
                .map(CamundaFailedJobRetryTimeCycle::getTextContent)
                .findFirst()
                .orElse("");
    }

    private static List<String> modelResources() throws IOException, URISyntaxException {
        List<String> resources = new ArrayList<>(bpmnResources());
        resources.addAll(resourcesIn("dmn", ".dmn"));
        return resources;
    }

    private static List<String> bpmnResources() throws IOException, URISyntaxException {
        return resourcesIn("bpmn", ".bpmn");
    }

    /** Lists the models in the module's main resources (target/classes), not test fixtures. */
    private static List<String> resourcesIn(String folder, String suffix) throws IOException, URISyntaxException {
        URL anchor = ProcessModelRulesTest.class.getClassLoader().getResource("bpmn/revenue-cycle.bpmn");
        if (anchor == null || !"file".equals(anchor.getProtocol())) {
            fail("expected the models on the file system under target/classes, found " + anchor);
        }
        Path dir = Paths.get(anchor.toURI()).getParent().resolveSibling(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(suffix))
                    .sorted()
                    .map(name -> folder + "/" + name)
                    .toList();
        }
    }

    private static InputStream resource(String name) {
        return ProcessModelRulesTest.class.getClassLoader().getResourceAsStream(name);
    }
}
