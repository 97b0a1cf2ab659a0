package org.relayrcm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.relayrcm.testing.RelayFixture;
import org.relayrcm.testing.RelayIntegrationTest;
import org.relayrcm.testing.SessionApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The benchmark entry point (README: "Benchmark"). Runs N encounters through the whole relay over the
 * API (signed-in sessions, as the React app) and N through a bare Camunda process of the same shape with
 * no-op delegates, on the same engine, database and history level, in the same run, and prints both
 * rates and their ratio. In {@code verify} it runs a smoke size (N = 5) so it cannot rot; the
 * {@code bench} profile runs N = 500 after a warm-up.
 */
@RelayIntegrationTest
class RelayBenchmarkIT {

    private static final int N = Integer.getInteger("relay.bench.encounters", 5);
    private static final int WARMUP = Integer.getInteger("relay.bench.warmup", 2);
    private static final int WORKERS = Integer.getInteger("relay.bench.workers", 4);
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final String BARE = "bench-bare-cycle";
    private static final String BARE_CHILD = "bench-bare-claim";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessEngine engine;

    @Test
    void measuresTheRelayAgainstTheBareEngine() throws Exception {
        new RelayFixture(port, jdbc);
        deployBareShape();
        String history = engine.getProcessEngineConfiguration().getHistory();
        SessionApi ehr = SessionApi.signIn(port, "ehr", "ehr");
        SessionApi coder = SessionApi.signIn(port, "coder", "coder");
        SessionApi biller = SessionApi.signIn(port, "biller", "biller");
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);

        run(WARMUP, i -> relayOne(ehr, coder, biller, "BW" + run + "-" + i));
        run(WARMUP, i -> bareOne("BBW" + run + "-" + i));

        Result bare = run(N, i -> bareOne("BB" + run + "-" + i));
        Result relay = run(N, i -> relayOne(ehr, coder, biller, "BR" + run + "-" + i));

        String report = String.format(Locale.ROOT, """
                Relay RCM benchmark: %d encounters, %d workers, history %s, %s
                  bare engine (same BPMN shape, no-op delegates): %8.2f encounters/s  (%.1f s)
                  relay over the API (sessions, payer simulator):  %8.2f encounters/s  (%.1f s)
                  ratio relay / bare engine:                      %8.2f  (target >= 0.5)
                """, N, WORKERS, history, jdbc.queryForObject("SELECT version()", String.class).split(",")[0],
                bare.perSecond(), bare.seconds(), relay.perSecond(), relay.seconds(), relay.perSecond() / bare.perSecond());
        System.out.println(report);
        Path out = Path.of("target", "bench-results.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertThat(relay.completed()).isEqualTo(N);
        assertThat(bare.completed()).isEqualTo(N);
    }

    /** One encounter through the relay as the coder and the payer work it, until the biller sees the claim paid. */
    private void relayOne(SessionApi ehr, SessionApi coder, SessionApi biller, String number) {
        Map<String, Object> encounter = RelayFixture.encounter(number);
        JsonNode received = ehr.post("/api/encounters", encounter).json();
        long caseId = received.get("codingCaseId").asLong();
        JsonNode codingTask = awaitTask(coder, number);
        expect(coder.post("/api/tasks/" + codingTask.get("id").asText() + "/claim", "").status(), 200);
        expect(coder.post("/api/coding/cases/" + caseId + "/complete", RelayFixture.codes(List.of("RT"))).status(), 200);
        long claimId = await(() -> jdbc.queryForList("SELECT c.id FROM claim c JOIN encounter e "
                + "ON e.id = c.encounter_id WHERE e.encounter_number = ?", Long.class, number).stream().findFirst().orElse(null));
        // A clean claim needs no biller: it is scrubbed, sent and answered (999, 277CA, 835) on its own.
        awaitTrue(() -> "PAID".equals(biller.getJson("/api/claims/" + claimId).get("status").asText()));
    }

    /** The same steps on the bare engine: start, complete the coding task, answer the three receive tasks. */
    private void bareOne(String key) {
        RuntimeService runtime = engine.getRuntimeService();
        TaskService tasks = engine.getTaskService();
        runtime.startProcessInstanceByKey(BARE, key);
        tasks.complete(await(() -> tasks.createTaskQuery().processInstanceBusinessKey(key).singleResult()).getId());
        String child = key + "-C";
        answer(runtime, child, "Msg_FunctionalAck", "functionalAckAccepted", true);
        answer(runtime, child, "Msg_ClaimAcknowledged", "claimAccepted", true);
        answer(runtime, child, "Msg_RemittanceReceived", "claimOutcome", "PAID");
        HistoryService history = engine.getHistoryService();
        awaitTrue(() -> history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).finished().count() == 1);
    }

    private static void answer(RuntimeService runtime, String businessKey, String message, String variable, Object value) {
        awaitTrue(() -> runtime.createExecutionQuery().processInstanceBusinessKey(businessKey)
                .messageEventSubscriptionName(message).count() == 1);
        runtime.createMessageCorrelation(message).processInstanceBusinessKey(businessKey)
                .setVariable(variable, value).correlate();
    }

    private void deployBareShape() {
        RepositoryService repository = engine.getRepositoryService();
        if (repository.createProcessDefinitionQuery().processDefinitionKey(BARE).count() > 0) {
            return;
        }
        BpmnModelInstance parent = Bpmn.createExecutableProcess(BARE).camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Task_CodeEncounter").camundaCandidateGroups("coder")
                .serviceTask("Task_BuildClaims").camundaAsyncBefore().camundaExpression("${true}")
                .callActivity("CallActivity_SubmitClaim").calledElement(BARE_CHILD)
                    .camundaInBusinessKey("${execution.processBusinessKey}-C")
                .endEvent()
                .done();
        // claim-submission's shape: scrub and submit as jobs, then the 999, 277CA and 835 waits, each with its timer.
        BpmnModelInstance child = Bpmn.createExecutableProcess(BARE_CHILD).camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("Task_ScrubClaim").camundaAsyncBefore().camundaExpression("${execution.setVariable('claimClean', true)}")
                .exclusiveGateway("Gateway_ClaimClean")
                .condition("clean", "${claimClean}")
                .serviceTask("Task_SubmitClaim").camundaAsyncBefore().camundaExpression("${true}")
                .receiveTask("Receive_FunctionalAck").message("Msg_FunctionalAck")
                .boundaryEvent("Timer_No999").cancelActivity(false).timerWithDuration("PT24H")
                    .userTask("Task_ChaseFunctionalAck").endEvent()
                .moveToActivity("Receive_FunctionalAck")
                .exclusiveGateway("Gateway_FileAccepted")
                .condition("accepted", "${functionalAckAccepted}")
                .receiveTask("Receive_ClaimAck").message("Msg_ClaimAcknowledged")
                .boundaryEvent("Timer_No277").cancelActivity(false).timerWithDuration("P3D")
                    .userTask("Task_ChaseClaimAck").endEvent()
                .moveToActivity("Receive_ClaimAck")
                .exclusiveGateway("Gateway_ClaimAccepted")
                .condition("accepted", "${claimAccepted}")
                .receiveTask("Receive_Remittance").message("Msg_RemittanceReceived")
                .boundaryEvent("Timer_FollowUp").cancelActivity(false).timerWithDuration("P30D")
                    .userTask("Task_FollowUpClaim").endEvent()
                .moveToActivity("Receive_Remittance")
                .exclusiveGateway("Gateway_ClaimOutcome")
                .condition("paid", "${claimOutcome == 'PAID'}").endEvent("EndEvent_ClaimPaid")
                .moveToLastGateway().condition("denied", "${claimOutcome == 'DENIED'}").endEvent("EndEvent_Denied")
                .moveToNode("Gateway_ClaimAccepted").condition("rejected", "${!claimAccepted}").endEvent("EndEvent_Rejected")
                .moveToNode("Gateway_FileAccepted").condition("rejected", "${!functionalAckAccepted}").endEvent("EndEvent_FileRejected")
                .moveToNode("Gateway_ClaimClean").condition("errors", "${!claimClean}").userTask("Task_FixClaim").endEvent()
                .done();
        repository.createDeployment().name("benchmark bare shape")
                .addModelInstance(BARE + ".bpmn", parent).addModelInstance(BARE_CHILD + ".bpmn", child).deploy();
    }

    private record Result(int completed, double seconds) {
        double perSecond() {
            return completed / seconds;
        }
    }

    private static Result run(int count, IntConsumer one) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        List<Integer> done = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    one.accept(index);
                    done.add(index);
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(done.size(), (System.nanoTime() - start) / 1e9);
    }

    private static JsonNode awaitTask(SessionApi api, String businessKey) {
        return await(() -> {
            JsonNode content = api.getJson("/api/tasks?view=unassigned&size=5&businessKey=" + businessKey).get("content");
            return content.isEmpty() ? null : content.get(0);
        });
    }

    private static <T> T await(java.util.function.Supplier<T> probe) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            sleep();
        }
        throw new AssertionError("Timed out waiting");
    }

    private static void awaitTrue(BooleanSupplier condition) {
        await(() -> condition.getAsBoolean() ? Boolean.TRUE : null);
    }

    private static void expect(int actual, int expected) {
        if (actual != expected) {
            throw new AssertionError("HTTP " + actual + ", expected " + expected);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
