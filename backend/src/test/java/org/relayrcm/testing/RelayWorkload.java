package org.relayrcm.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The work a crash test keeps flowing through a running app (encounters received and coded through the API, so claims
 * go out and the payer simulator answers) and what it checks once the dust settles: every accepted encounter billed
 * or visibly waiting, and no claim handed to the clearinghouse twice. Encounters are coded with the laterality
 * modifier the scrubber wants, so a clean run sends each claim exactly once.
 */
public final class RelayWorkload {

    private RelayWorkload() {
    }

    /**
     * Receives and codes encounters {@code prefix-0, prefix-1, ...} back to back until told to stop; a request the
     * crash cut short is skipped. Numbers the API accepted (201) are added to {@code accepted}.
     */
    public static void feed(int port, String prefix, Collection<String> accepted, AtomicBoolean running) {
        for (int i = 0; running.get(); i++) {
            String number = prefix + "-" + i;
            try {
                Api.Response received = Api.as(port, "ehr").post("/api/encounters", RelayFixture.encounter(number));
                if (received.status() != 201) {
                    continue;
                }
                accepted.add(number);
                code(port, number, received.json().get("codingCaseId").asLong());
            } catch (RuntimeException cutShort) {
                pause();
            }
        }
    }

    /** Claims the encounter's coding task (or takes the one the coder already holds) and completes it. */
    public static void code(int port, String number, long caseId) {
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
            pause();
        }
    }

    /** What a coder does after the crashes: codes whatever accepted encounter still waits for coding. */
    public static void finishCoding(int port, JdbcTemplate jdbc, Collection<String> accepted) {
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
     * Waits until each accepted encounter is billed (its claims PAID and its relay ended), or waits for a person (an
     * open task) or an administrator (an incident); returns those that are neither when {@code within} is up.
     */
    public static List<String> awaitEveryEncounterSettled(JdbcTemplate jdbc, Collection<String> accepted,
            Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
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

    /**
     * Counted by claim number (CLM01, the first part of each file name): no claim has two files in the outbox or two
     * submission rows, and every file handed over is a recorded submission, and the reverse. Nobody corrects a claim
     * in these runs, so a second file of a claim could only be a duplicate.
     */
    public static void assertEachClaimSentOnce(JdbcTemplate jdbc, Path outbox) throws IOException {
        List<String> files;
        try (Stream<Path> list = Files.list(outbox)) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".837")).toList();
        }
        assertThat(files).as("claim files handed to the clearinghouse (none would prove nothing)").isNotEmpty();
        Map<String, Long> filesPerClaim = files.stream()
                .collect(Collectors.groupingBy(n -> n.split("-")[0], Collectors.counting()));
        assertThat(filesPerClaim).as("outbox files per claim number").allSatisfy((claim, n) -> assertThat(n).isOne());
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT c.claim_number, s.file_name FROM claim_submission s JOIN claim c ON c.id = s.claim_id""");
        Map<Object, Long> rowsPerClaim = rows.stream()
                .collect(Collectors.groupingBy(r -> r.get("claim_number"), Collectors.counting()));
        assertThat(rowsPerClaim).as("claim_submission rows per claim number")
                .allSatisfy((claim, n) -> assertThat(n).isOne());
        assertThat(files).as("every file handed over is a recorded submission, and the reverse")
                .containsExactlyInAnyOrderElementsOf(rows.stream().map(r -> (String) r.get("file_name")).toList());
    }

    /** Min, mean and max in milliseconds, as the crash tests print them. */
    public static String summary(Collection<Duration> durations) {
        if (durations.isEmpty()) {
            return "none measured";
        }
        LongSummaryStatistics s = durations.stream().mapToLong(Duration::toMillis).summaryStatistics();
        return "min %d ms, mean %d ms, max %d ms".formatted(s.getMin(), Math.round(s.getAverage()), s.getMax());
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
