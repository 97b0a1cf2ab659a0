package org.relayrcm.badinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.relayrcm.testing.Api;
import org.relayrcm.testing.RelayFixture;
import org.relayrcm.testing.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue #9: every request in {@code bad-input/manifest.csv} is refused with its 4xx and an RFC 9457 problem detail
 * whose message names the problem, and changes no row of any domain or running-engine table.
 */
@RelayIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusIT {

    /** Far beyond any id the suite creates: bodies are checked before the record is looked up. */
    static final String MISSING_ID = "987654321";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    RowCounts counts;
    Map<String, String> placeholders;

    @BeforeAll
    void openACodingCase() {
        RelayFixture relay = new RelayFixture(port, jdbc);
        String number = RelayFixture.uniqueNumber("BADIN");
        long caseId = relay.receive(number);
        JsonNode task = relay.claimTask("coder", "Task_CodeEncounter", number);
        placeholders = Map.of("{codingCaseId}", Long.toString(caseId), "{taskId}", task.get("id").asText(),
                "{missingId}", MISSING_ID);
        counts = new RowCounts(jdbc);
        awaitQuiet();
    }

    @TestFactory
    Stream<DynamicTest> everyBadInputIsRefusedAndChangesNothing() {
        return CorpusManifest.load().stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> refused(c)));
    }

    @Test
    void manifestHoldsAtLeastTwoHundredDistinctCases() {
        List<CorpusCase> cases = CorpusManifest.load();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(200);
        assertThat(cases.stream().map(CorpusCase::id).collect(Collectors.toSet())).hasSameSizeAs(cases);
        assertThat(cases).allSatisfy(c -> assertThat(c.expectedStatus()).as(c.id()).isBetween(400, 499));
    }

    @Test
    void manifestPostsEveryInvalidSharedX12Sample() throws Exception {
        Path x12 = CorpusInputs.SHARED.resolve("x12");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(x12), "shared data absent");
        Set<String> inManifest = CorpusManifest.load().stream().map(CorpusCase::input)
                .filter(i -> i.startsWith("shared:x12/")).map(i -> i.substring("shared:".length()))
                .collect(Collectors.toSet());
        try (Stream<Path> files = Files.walk(x12)) {
            List<String> invalid = files.filter(Files::isRegularFile)
                    .filter(f -> f.getParent().getFileName().toString().equals("invalid"))
                    .map(f -> CorpusInputs.SHARED.relativize(f).toString().replace('\\', '/')).toList();
            assertThat(invalid).isNotEmpty();
            assertThat(inManifest).containsAll(invalid);
        }
    }

    private void refused(CorpusCase c) {
        byte[] body = CorpusInputs.resolve(c.input());
        Map<String, Long> before = counts.snapshot();
        Api.Response response = send(c, body);
        Map<String, Long> after = counts.snapshot();

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(response.status()).as("status of %s: %s", c.id(), abbreviate(response.body()))
                .isEqualTo(c.expectedStatus()).isLessThan(500);
        soft.assertThat(response.contentType()).as("content type of %s", c.id()).startsWith("application/problem+json");
        String message = message(response).toLowerCase(Locale.ROOT);
        // The phrase may offer alternatives ("a|b"): damaged X12 is refused by whichever check meets it first.
        soft.assertThat(java.util.Arrays.stream(c.phrase().toLowerCase(Locale.ROOT).split("\\|")))
                .as("message of %s: %s", c.id(), message).anyMatch(message::contains);
        soft.assertThat(after).as("row counts after %s", c.id()).isEqualTo(before);
        soft.assertAll();
    }

    private Api.Response send(CorpusCase c, byte[] body) {
        String path = c.path();
        for (Map.Entry<String, String> p : placeholders.entrySet()) {
            path = path.replace(p.getKey(), p.getValue());
        }
        return sendOnce(c, path, body);
    }

    private Api.Response sendOnce(CorpusCase c, String path, byte[] body) {
        Api api = Api.as(port, c.role());
        return switch (c.method()) {
            case "GET" -> api.get(path);
            case "POST" -> api.postRaw(path, c.contentType(), body);
            case "PUT" -> {
                assertThat(c.contentType()).as("PUT bodies are JSON").isEqualTo("application/json");
                yield api.put(path, new String(body, StandardCharsets.UTF_8));
            }
            default -> throw new IllegalArgumentException("Unknown method " + c.method() + " in " + c.id());
        };
    }

    /** The problem's detail, with each error's field and message: what a clerk reads. */
    private static String message(Api.Response response) {
        if (!response.contentType().contains("json") || response.body().isBlank()) {
            return "";
        }
        JsonNode problem = response.json();
        StringBuilder text = new StringBuilder(problem.path("detail").asText());
        for (JsonNode error : problem.path("errors")) {
            text.append(" | ").append(error.path("field").asText()).append(": ").append(error.path("message").asText());
        }
        return text.toString();
    }

    private static String abbreviate(String body) {
        return body.length() > 600 ? body.substring(0, 600) + "..." : body;
    }

    /** Waits for the relay (this class's and earlier tests') to stop writing, so counts move only for our cases. */
    private void awaitQuiet() {
        Map<String, Long>[] last = new Map[] {counts.snapshot()};
        await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ofMillis(700)).pollInterval(Duration.ofMillis(700))
                .until(() -> {
                    Map<String, Long> now = counts.snapshot();
                    boolean quiet = now.equals(last[0]);
                    last[0] = now;
                    return quiet;
                });
    }
}
