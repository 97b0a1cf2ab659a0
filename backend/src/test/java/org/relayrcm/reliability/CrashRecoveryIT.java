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

import org.junit.jupiter.api.Test;
import org.relayrcm.testing.AppProcess;
import org.relayrcm.testing.RelayWorkload;
import org.relayrcm.testing.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

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
            Thread load = new Thread(() -> RelayWorkload.feed(current.port(), "CR" + run + "-" + round, accepted, running));
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
                RelayWorkload.finishCoding(app.port(), jdbc, accepted);
                List<String> unfinished = RelayWorkload.awaitEveryEncounterSettled(jdbc, accepted, Duration.ofMinutes(2));
                assertThat(unfinished).as("accepted encounters neither finished nor waiting visibly").isEmpty();
                RelayWorkload.assertEachClaimSentOnce(jdbc, work.resolve("outbox"));
                System.out.printf("CrashRecoveryIT: %d kills, %d encounters accepted, recovery (kill to health UP) %s%n",
                        KILLS, accepted.size(), RelayWorkload.summary(recoveries));
            }
        } finally {
            app.stop();
        }
    }
}
