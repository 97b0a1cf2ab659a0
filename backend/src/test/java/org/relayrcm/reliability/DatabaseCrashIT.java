package org.relayrcm.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.relayrcm.testing.Api;
import org.relayrcm.testing.AppProcess;
import org.relayrcm.testing.RelayWorkload;
import org.relayrcm.testing.ThrowawayPostgres;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * PostgreSQL crashed under the running application ({@code pg_ctl stop -m immediate}: every server process killed,
 * no checkpoint, crash recovery from the WAL at the next start) three times at seeded random moments while encounters
 * flow in and are coded, with the payer simulator answering. The database is a throwaway cluster under
 * {@code target/} on its own port, never the server the rest of the suite uses. The app is not restarted: it must
 * find its database again on its own. Afterwards every encounter the API accepted reaches the end of the relay or
 * waits visibly (an open task or an incident), and no claim is handed to the clearinghouse twice. Each crash waits
 * until the API has accepted a new encounter (work is in flight however slow the machine), then a seeded random
 * while. Prints the seed ({@code -Drelay.dbcrash.seed=} repeats a run's crash moments and outages) and the recovery
 * times; {@code -Drelay.dbcrash.crashes=} and {@code -Drelay.dbcrash.load-seconds=} (the longest stretch of load
 * before each crash, default 6) make a bigger run.
 */
class DatabaseCrashIT {

    private static final int CRASHES = Integer.getInteger("relay.dbcrash.crashes", 3);
    private static final int LOAD_SECONDS = Integer.getInteger("relay.dbcrash.load-seconds", 6);
    /** Jobs a crash failed are retried after a minute (the BPMN's retry cycles), or after the 60 s lock expires. */
    private static final Duration SETTLE_WITHIN = Duration.ofMinutes(4);
    private static final Duration RECOVER_WITHIN = Duration.ofMinutes(2);

    @Test
    @Timeout(15 * 60)
    void everyAcceptedEncounterEndsOrWaitsVisiblyAndNoClaimIsSentTwiceAcrossDatabaseCrashes() throws Exception {
        Optional<String> unavailable = ThrowawayPostgres.unavailableBecause();
        assumeTrue(unavailable.isEmpty(), () -> "No throwaway PostgreSQL cluster here: " + unavailable.orElse(""));
        long seed = Long.getLong("relay.dbcrash.seed", System.nanoTime());
        System.out.println("DatabaseCrashIT seed: " + seed + " (-Drelay.dbcrash.seed=" + seed + " repeats this run)");
        Random random = new Random(seed);
        Path work = Files.createTempDirectory("relay-dbcrash");
        Path log = Path.of("target", "database-crash-app.log");
        Files.deleteIfExists(log);
        String run = Long.toString(Math.abs(seed) % 100_000, 36).toUpperCase();

        try (ThrowawayPostgres db = ThrowawayPostgres.create(Path.of("target", "throwaway-postgres"))) {
            db.createDatabase("relay");
            String url = db.jdbcUrl("relay");
            AppProcess app = AppProcess.start(environment(url, db.user(), work), log, arguments());
            AtomicBoolean running = new AtomicBoolean(true);
            Thread load = null;
            try {
                app.awaitUp(Duration.ofMinutes(3));
                try (Connection connection = DriverManager.getConnection(url, db.user(), "")) {
                    new JdbcTemplate(new SingleConnectionDataSource(connection, true)).update(
                            "INSERT INTO payer (payer_code, name) VALUES ('ITPAYER', 'Integration Health Plan')");
                }
                ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
                int port = app.port();
                load = new Thread(() -> RelayWorkload.feed(port, "DC" + run, accepted, running), "dbcrash-load");
                load.start();

                List<Duration> toRequest = new ArrayList<>();
                List<Duration> toJob = new ArrayList<>();
                for (int crash = 1; crash <= CRASHES; crash++) {
                    // Work in flight on a database that serves again, however slow the machine, then a random moment.
                    awaitMoreAccepted(accepted, accepted.size());
                    Thread.sleep(random.nextInt(LOAD_SECONDS * 1_000));
                    db.crash();
                    Instant down = Instant.now();
                    Thread.sleep(500 + random.nextInt(3_000));
                    db.start();
                    Instant back = Instant.now();
                    toRequest.add(awaitFirstSuccessfulRequest(app, back));
                    toJob.add(awaitFirstSuccessfulJob(url, db.user(), back));
                    System.out.printf("DatabaseCrashIT crash %d at %s: database down %d ms (restart included); "
                            + "then first request after %d ms, first job after %d ms; %d encounters accepted so far%n",
                            crash, down, Duration.between(down, back).toMillis(), toRequest.get(crash - 1).toMillis(),
                            toJob.get(crash - 1).toMillis(), accepted.size());
                }
                // Some load on the recovered database too, then the coders finish what is left.
                Thread.sleep(2_000);
                running.set(false);
                load.join(Duration.ofMinutes(1).toMillis());

                assertThat(app.process().isAlive()).as("the app survived its database's crashes").isTrue();
                assertThat(accepted).as("encounters accepted while the database was being crashed").isNotEmpty();
                try (Connection connection = DriverManager.getConnection(url, db.user(), "")) {
                    JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
                    RelayWorkload.finishCoding(port, jdbc, accepted);
                    List<String> unfinished = RelayWorkload.awaitEveryEncounterSettled(jdbc, accepted, SETTLE_WITHIN);
                    assertThat(unfinished).as("accepted encounters neither finished nor waiting visibly").isEmpty();
                    RelayWorkload.assertEachClaimSentOnce(jdbc, work.resolve("outbox"));
                    System.out.printf("DatabaseCrashIT: %d crashes (pg_ctl stop -m immediate), %d encounters accepted, "
                            + "%d claims sent; recovery (database up to first successful request) %s; "
                            + "(database up to first successful job) %s%n", CRASHES, accepted.size(),
                            jdbc.queryForObject("SELECT COUNT(*) FROM claim_submission", Integer.class),
                            RelayWorkload.summary(toRequest), RelayWorkload.summary(toJob));
                }
            } finally {
                running.set(false);
                if (load != null) {
                    load.join(Duration.ofMinutes(1).toMillis());
                }
                app.stop();
            }
        }
    }

    private static Map<String, String> environment(String url, String user, Path work) {
        Map<String, String> env = new HashMap<>();
        env.put("SPRING_PROFILES_ACTIVE", "postgres");
        env.put("SPRING_DATASOURCE_URL", url);
        env.put("SPRING_DATASOURCE_USERNAME", user);
        env.put("SPRING_DATASOURCE_PASSWORD", "");
        env.put("RELAY_ADMIN_PASSWORD", "dbcrash-admin");
        env.put("RELAY_OUTBOX", work.resolve("outbox").toString());
        env.put("RELAY_INBOX", work.resolve("inbox").toString());
        env.put("RELAY_PAYER_SIMULATOR_ENABLED", "true");
        return env;
    }

    private static String[] arguments() {
        return new String[] {"--relay.demo.users-enabled=true", "--relay.security.bcrypt-strength=4",
                "--relay.payer-simulator.delay=PT0S", "--relay.payer-simulator.rung-delay=PT0S",
                "--relay.clearinghouse.inbox-poll-interval=PT0.5S", "--relay.coding.audit.sample-percent=0",
                "--relay.coding.audit.charge-threshold-cents=", "--camunda.bpm.job-execution.wait-time-in-millis=200"};
    }

    /** From the database's restart to the first API request that reads it successfully (the app's own recovery). */
    private static Duration awaitFirstSuccessfulRequest(AppProcess app, Instant back) throws InterruptedException {
        Instant deadline = back.plus(RECOVER_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (Api.as(app.port(), "biller").get("/api/encounters?size=1").status() == 200) {
                    return Duration.between(back, Instant.now());
                }
            } catch (RuntimeException notYet) {
                // the request outlived its timeout while the pool waited for a connection
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The app answered no request from its database within " + RECOVER_WITHIN
                + " of the database's restart");
    }

    /**
     * From the database's restart to the first job the engine completed on it (history level full logs each
     * successful job, state 2, with the time it ended): the job executor's own recovery.
     */
    private static Duration awaitFirstSuccessfulJob(String url, String user, Instant back) throws Exception {
        Instant deadline = back.plus(RECOVER_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            try (Connection connection = DriverManager.getConnection(url, user, "")) {
                Timestamp first = new JdbcTemplate(new SingleConnectionDataSource(connection, true)).queryForObject(
                        "SELECT MIN(timestamp_) FROM act_hi_job_log WHERE job_state_ = 2 AND timestamp_ >= ?",
                        Timestamp.class, Timestamp.from(back));
                if (first != null) {
                    return Duration.between(back, first.toInstant());
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The engine completed no job within " + RECOVER_WITHIN + " of the database's restart");
    }

    /** Waits until the API has accepted an encounter beyond the first {@code seen}: work flows again. */
    private static void awaitMoreAccepted(ConcurrentLinkedQueue<String> accepted, int seen)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(RECOVER_WITHIN);
        while (accepted.size() <= seen) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("No encounter was accepted within " + RECOVER_WITHIN);
            }
            Thread.sleep(100);
        }
    }
}
