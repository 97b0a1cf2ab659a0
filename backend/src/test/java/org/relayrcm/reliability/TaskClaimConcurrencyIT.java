package org.relayrcm.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.relayrcm.testing.Api;
import org.relayrcm.testing.RelayFixture;
import org.relayrcm.testing.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two coders claim the same task at the same moment. The moment is forced, not hoped for, in the spirit of Camunda's
 * own concurrency tests: the test holds the task's row locked, so both claims read the task unclaimed and both stop
 * at the same UPDATE; the first in line is let through, and the second must lose with a clear 409.
 */
@RelayIntegrationTest
class TaskClaimConcurrencyIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;

    @Test
    void twoCodersClaimingTheSameTaskAtOnceGiveOneClaimAndAClear409() throws Exception {
        RelayFixture relay = new RelayFixture(port, jdbc);
        ensureSecondCoder();
        String encounter = RelayFixture.uniqueNumber("RACE");
        relay.receive(encounter);
        String taskId = relay.awaitTask("coder", "Task_CodeEncounter", encounter).get("id").asText();

        ExecutorService users = Executors.newFixedThreadPool(2);
        // The gate: the task's row, locked on a connection of the test's own until both claims wait on it.
        try (Connection gate = dataSource.getConnection()) {
            gate.setAutoCommit(false);
            try (PreparedStatement lock = gate.prepareStatement("SELECT ID_ FROM ACT_RU_TASK WHERE ID_ = ? FOR UPDATE")) {
                lock.setString(1, taskId);
                lock.executeQuery().close();
            }
            Future<Api.Response> first = users.submit(() -> relay.as("coder").post("/api/tasks/" + taskId + "/claim", ""));
            awaitClaimsWaiting(1);
            Future<Api.Response> second = users.submit(
                    () -> relay.as("coder2").post("/api/tasks/" + taskId + "/claim", ""));
            awaitClaimsWaiting(2);
            assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee())
                    .as("neither claim is through yet").isNull();

            gate.commit();
            Api.Response won = first.get(30, TimeUnit.SECONDS);
            Api.Response lost = second.get(30, TimeUnit.SECONDS);

            assertThat(won.status()).as(won.body()).isEqualTo(200);
            assertThat(won.json().get("assignee").asText()).isEqualTo("coder");
            assertThat(lost.status()).as(lost.body()).isEqualTo(409);
            assertThat(lost.json().get("detail").asText()).isEqualTo("Someone else has already claimed this task.");
            assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("coder");
        } finally {
            users.shutdownNow();
        }
    }

    @Test
    void aClaimAfterAnotherCoderClaimedGetsA409AndChangesNothing() {
        RelayFixture relay = new RelayFixture(port, jdbc);
        ensureSecondCoder();
        String encounter = RelayFixture.uniqueNumber("LATE");
        relay.receive(encounter);
        String taskId = relay.claimTask("coder", "Task_CodeEncounter", encounter).get("id").asText();

        Api.Response late = relay.as("coder2").post("/api/tasks/" + taskId + "/claim", "");

        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("detail").asText()).isEqualTo("Someone else has already claimed this task.");
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("coder");
    }

    /** Sessions of this database stopped on a row lock at an UPDATE of the engine's task or task history row. */
    private void awaitClaimsWaiting(int claims) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> jdbc.queryForObject("""
                SELECT COUNT(*) FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock'
                  AND query ILIKE '%update act_%task%'""", Integer.class), n -> n >= claims);
    }

    /** A second member of the coder group (password = name, like every test user). */
    private void ensureSecondCoder() {
        synchronized (TaskClaimConcurrencyIT.class) {
            if (identity.createUserQuery().userId("coder2").count() == 0) {
                User user = identity.newUser("coder2");
                user.setFirstName("Second");
                user.setLastName("Coder");
                user.setPassword("coder2");
                identity.saveUser(user);
                identity.createMembership("coder2", "coder");
            }
        }
    }
}
