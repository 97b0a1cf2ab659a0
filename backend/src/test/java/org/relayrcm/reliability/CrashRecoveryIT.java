package org.relayrcm.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.relayrcm.testing.Api;
import org.relayrcm.testing.AppProcess;
import org.relayrcm.testing.RelayFixture;
import org.relayrcm.testing.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The packaged application killed with SIGKILL ({@code kill -9}) at seeded random moments while encounters flow in
 * and are coded, ten times, on PostgreSQL, with the payer simulator answering through the clearinghouse folders.
 * After the last restart every encounter the API accepted reaches the end of the relay or waits visibly (an open
 * task or an incident), and no claim file is handed to the clearinghouse twice. Prints the seed
 * ({@code -Drelay.crash.seed=} repeats a run) and the recovery times.
 */
class CrashRecoveryIT {

    private static final int KILLS = Integer.getInteger("relay.crash.kills", 10);

    @Test
    void everyAcceptedEncounterEndsOrWaitsVisiblyAndNoClaimIsSentTwiceAcrossKills() throws Exception {
        long seed = Long.getLong("relay.crash.seed", System.nanoTime());
        System.out.println("CrashRecoveryIT seed: " + seed + " (-Drelay.crash.seed=" + seed + " repeats this run)");
        Random random = new Random(seed);
        String url = AppProcess.freshDatabase("relay_crash_it");
        TestDatabase.Connection server = TestDatabase.connection();
        Path work = Files.createTempDirectory("relay-crash");
        Map<String, String> env = new HashMap<>();
        env.put("SPRING_PROFILES_ACTIVE", "postgres");
        env.put("SPRING_DATASOURCE_URL", url);
        env.put("SPRING_DATASOURCE_USERNAME", server.user());
        env.put("SPRING_DATASOURCE_PASSWORD", server.password());
        env.put("RELAY_ADMIN_PASSWORD", "crash-admin");
        env.put("RELAY_OUTBOX", work.resolve("outbox").toString());
        env.put("RELAY_INBOX", work.resolve("inbox").toString());
        env.put("RELAY_PAYER_SIMULATOR_ENABLED", "true");
        String[] args = {"--relay.demo.users-enabled=true", "--relay.security.bcrypt-strength=4",
                "--relay.payer-simulator.delay=PT0S", "--relay.payer-simulator.rung-delay=PT0S",
                "--relay.clearinghouse.inbox-poll-interval=PT0.5S", "--relay.coding.audit.sample-percent=0",
                "--relay.coding.audit.charge-threshold-cents=", "--camunda.bpm.job-execution.wait-time-in-millis=200"};
        Path log = Path.of("target", "crash-recovery-app.log");
        Files.deleteIfExists(log);
        String run = Long.toString(Math.abs(seed) % 100_000, 36).toUpperCase();

        List<Duration> recoveries = new ArrayList<>();
        ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
        AppProcess app = AppProcess.start(env, log, args);
        app.awaitUp(Duration.ofMinutes(3));
        try (Connection connection = DriverManager.getConnection(url, server.user(), server.password())) {
            new JdbcTemplate(new SingleConnectionDataSource(connection, true))
                    .update("INSERT INTO payer (payer_code, name) VALUES ('ITPAYER', 'Integration Health Plan')");
        }
        for (int kill = 1; kill <= KILLS; kill++) {
            AtomicBoolean running = new AtomicBoolean(true);
            int round = kill;
            AppProcess current = app;
            Thread load = new Thread(() -> feed(current.port(), "CR" + run + "-" + round, accepted, running));
            load.start();
            Thread.sleep(1_500 + random.nextInt(3_000));
            app.kill();
            running.set(false);
            load.join();
            Instant restart = Instant.now();
            app = AppProcess.start(env, log, args);
            app.awaitUp(Duration.ofMinutes(3));
            recoveries.add(Duration.between(restart, Instant.now()));
        }
        try {
            assertThat(accepted).as("encounters accepted while the app was being killed").isNotEmpty();
            try (Connection connection = DriverManager.getConnection(url, server.user(), server.password())) {
                JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
                finishCoding(app.port(), jdbc, accepted);
                List<String> unfinished = awaitEveryEncounterSettled(jdbc, accepted);
                assertThat(unfinished).as("accepted encounters neither finished nor waiting visibly").isEmpty();
                assertEachSubmissionSentOnce(jdbc, work.resolve("outbox"));
                System.out.printf("CrashRecoveryIT: %d kills, %d encounters accepted, recovery (kill to health UP) "
                        + "max %d ms, mean %d ms%n", KILLS, accepted.size(),
                        recoveries.stream().mapToLong(Duration::toMillis).max().orElse(0),
                        (long) recoveries.stream().mapToLong(Duration::toMillis).average().orElse(0));
            }
        } finally {
            app.stop();
        }
    }

    /** Receives and codes encounters back to back until told to stop or the app dies under it. */
    private static void feed(int port, String prefix, ConcurrentLinkedQueue<String> accepted, AtomicBoolean running) {
        for (int i = 0; running.get(); i++) {
            String number = prefix + "-" + i;
            try {
                Api.Response received = Api.as(port, "ehr").post("/api/encounters", RelayFixture.encounter(number));
                if (received.status() != 201) {
                    continue;
                }
                accepted.add(number);
                code(port, number, received.json().get("codingCaseId").asLong());
            } catch (RuntimeException killedMidRequest) {
                sleepQuietly();
            }
        }
    }

    /** Claims the encounter's coding task (or takes the one the coder already holds) and completes it. */
    private static void code(int port, String number, long caseId) {
        for (int attempt = 0; attempt < 40; attempt++) {
            for (String view : List.of("mine", "group")) {
                for (JsonNode t : Api.as(port, "coder").get("/api/tasks?view=" + view + "&size=20&businessKey=" + number)
                        .json().get("content")) {
                    if ("Task_CodeEncounter".equals(t.get("taskDefinitionKey").asText())) {
                        if (view.equals("group")) {
                            Api.as(port, "coder").post("/api/tasks/" + t.get("id").asText() + "/claim", "");
                        }
                        Api.as(port, "coder").post("/api/coding/cases/" + caseId + "/complete",
                                RelayFixture.codes(List.of("RT")));
                        return;
                    }
                }
            }
            sleepQuietly();
        }
    }

    /** What a coder does after the crash: codes whatever still waits for coding. */
    private static void finishCoding(int port, JdbcTemplate jdbc, ConcurrentLinkedQueue<String> accepted) {
        for (String number : accepted) {
            List<Long> waiting = jdbc.queryForList("""
                    SELECT cc.id FROM coding_case cc JOIN encounter e ON e.id = cc.encounter_id
                    WHERE e.encounter_number = ? AND cc.status = 'OPEN'""", Long.class, number);
            for (long caseId : waiting) {
                code(port, number, caseId);
            }
        }
    }

    /**
     * Waits up to two minutes until each accepted encounter is billed (its claim PAID and its relay ended), or waits
     * for a person (an open task) or an administrator (an incident); returns those that are neither.
     */
    private static List<String> awaitEveryEncounterSettled(JdbcTemplate jdbc, ConcurrentLinkedQueue<String> accepted)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        List<String> unsettled;
        do {
            unsettled = accepted.stream().filter(number -> !settled(jdbc, number)).toList();
            if (unsettled.isEmpty()) {
                return unsettled;
            }
            Thread.sleep(500);
        } while (Instant.now().isBefore(deadline));
        return unsettled;
    }

    private static boolean settled(JdbcTemplate jdbc, String encounter) {
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM encounter WHERE encounter_number = ?", Integer.class,
                encounter);
        if (known == null || known == 0) {
            return false;
        }
        List<String> claims = jdbc.queryForList("""
                SELECT c.claim_number FROM claim c JOIN encounter e ON e.id = c.encounter_id
                WHERE e.encounter_number = ?""", String.class, encounter);
        List<String> keys = new ArrayList<>(claims);
        keys.add(encounter);
        String in = String.join(",", keys.stream().map(k -> "'" + k + "'").toList());
        boolean waitingForSomeone = jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_task t JOIN act_ru_execution e "
                + "ON e.id_ = t.proc_inst_id_ WHERE e.business_key_ IN (" + in + ")", Integer.class) > 0
                || jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_incident i JOIN act_ru_execution e "
                        + "ON e.id_ = i.proc_inst_id_ WHERE e.business_key_ IN (" + in + ")", Integer.class) > 0;
        boolean billed = !claims.isEmpty() && jdbc.queryForObject("""
                SELECT COUNT(*) FROM claim c JOIN encounter e ON e.id = c.encounter_id
                WHERE e.encounter_number = ? AND c.status <> 'PAID'""", Integer.class, encounter) == 0
                && jdbc.queryForObject("SELECT COUNT(*) FROM act_hi_procinst WHERE business_key_ = ? AND end_time_ IS NOT NULL",
                        Integer.class, encounter) > 0;
        return billed || waitingForSomeone;
    }

    /** Each claim file name carries (claim, sequence): one file per recorded submission, none extra, none twice. */
    private static void assertEachSubmissionSentOnce(JdbcTemplate jdbc, Path outbox) throws Exception {
        List<String> files;
        try (Stream<Path> list = Files.list(outbox)) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".837")).toList();
        }
        Map<String, Long> perSubmission = new HashMap<>();
        for (String file : files) {
            String[] parts = file.split("-");
            perSubmission.merge(parts[0] + "-" + parts[1], 1L, Long::sum);
        }
        assertThat(perSubmission.values()).as("files per (claim, sequence)").allMatch(n -> n == 1);
        List<String> recorded = jdbc.queryForList("""
                SELECT c.claim_number || '-' || s.sequence FROM claim_submission s JOIN claim c ON c.id = s.claim_id""",
                String.class);
        assertThat(perSubmission.keySet()).as("every file handed over is a recorded submission, and the reverse")
                .containsExactlyInAnyOrderElementsOf(recorded);
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
