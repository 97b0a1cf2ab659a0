package org.relayrcm.clearinghouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.relayrcm.edi.Address;
import org.relayrcm.edi.BillingProvider;
import org.relayrcm.edi.Claim837PWriter;
import org.relayrcm.edi.ClaimAcknowledgement;
import org.relayrcm.edi.ClaimAcknowledgement277Reader;
import org.relayrcm.edi.ClaimAcknowledgement277Writer;
import org.relayrcm.edi.ClaimDetails;
import org.relayrcm.edi.ClaimFrequency;
import org.relayrcm.edi.FunctionalAcknowledgement;
import org.relayrcm.edi.FunctionalAcknowledgement999Writer;
import org.relayrcm.edi.InterchangeEnvelope;
import org.relayrcm.edi.Payer;
import org.relayrcm.edi.ProfessionalClaim;
import org.relayrcm.edi.Receiver;
import org.relayrcm.edi.Remittance835Reader;
import org.relayrcm.edi.RemittanceAdvice;
import org.relayrcm.edi.ServiceLine;
import org.relayrcm.edi.Sex;
import org.relayrcm.edi.Submitter;
import org.relayrcm.edi.Subscriber;
import org.relayrcm.edi.UsageIndicator;
import org.relayrcm.testing.AcknowledgementRecorder;
import org.relayrcm.testing.Api;
import org.relayrcm.testing.RelayFixture;
import org.relayrcm.testing.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The clearinghouse's inbound side on PostgreSQL: uploads and the inbox folder reach the acknowledgement port once per
 * file, broken files are refused without a write, and the payer simulator answers a claim file with a 999, a 277CA
 * and (for accepted claims) an 835, each received through the inbox. The port is observed through
 * {@link AcknowledgementRecorder}; nothing here depends on what the claims side does with an acknowledgement.
 */
@RelayIntegrationTest
class InboundAcknowledgementsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    InboxFolder inbox;
    @Autowired
    PayerSimulator simulator;
    @Value("${relay.clearinghouse.outbox}")
    Path outbox;

    @Test
    void a277caDeliveredTwiceViaTheApiReachesThePortOnce() {
        String claimNumber = unique("TWICE");
        byte[] file = claimAcknowledgement(claimNumber).getBytes(StandardCharsets.UTF_8);

        Api.Response first = Api.as(port, "biller").postRaw("/api/acknowledgements", "application/edi-x12", file);
        Api.Response again = Api.as(port, "ehr").postRaw("/api/acknowledgements", "text/plain", file);
        // The same interchange on one line, as another clearinghouse mailbox would hand it over.
        Api.Response rewrapped = Api.as(port, "biller").postRaw("/api/acknowledgements", "application/octet-stream",
                new String(file, StandardCharsets.UTF_8).replace("\n", "").getBytes(StandardCharsets.UTF_8));

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("type").asText()).isEqualTo("277CA");
        assertThat(first.json().get("duplicate").asBoolean()).isFalse();
        assertThat(first.json().get("accepted").asInt()).isEqualTo(1);
        for (Api.Response duplicate : List.of(again, rewrapped)) {
            assertThat(duplicate.status()).as(duplicate.body()).isEqualTo(200);
            assertThat(duplicate.json().get("duplicate").asBoolean()).isTrue();
            assertThat(duplicate.json().get("fileId").asLong()).isEqualTo(first.json().get("fileId").asLong());
        }
        assertThat(callsFor(claimNumber)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbound_file WHERE id = ?", Long.class,
                first.json().get("fileId").asLong())).isEqualTo(1);
    }

    @Test
    void theSame277caPostedTwiceAtTheSameMomentReachesThePortOnce() throws Exception {
        String claimNumber = unique("RACE");
        byte[] file = claimAcknowledgement(claimNumber).getBytes(StandardCharsets.UTF_8);
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<Api.Response> post = () -> {
            together.await();
            return Api.as(port, "biller").postRaw("/api/acknowledgements", "application/edi-x12", file);
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Api.Response> answers;
        try {
            Future<Api.Response> a = pool.submit(post);
            Future<Api.Response> b = pool.submit(post);
            answers = List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }

        assertThat(answers).extracting(Api.Response::status).containsExactly(200, 200);
        assertThat(answers).extracting(r -> r.json().get("duplicate").asBoolean()).containsExactlyInAnyOrder(true, false);
        assertThat(callsFor(claimNumber)).isEqualTo(1);
    }

    @Test
    void aBrokenFileIsRefusedNamingTheSegmentAndNothingIsRecorded() {
        String claimNumber = unique("BROKEN");
        String broken = claimAcknowledgement(claimNumber).replaceFirst("STC\\*A2:20\\*\\d{8}", "STC*A2:20*2025131");
        long files = jdbc.queryForObject("SELECT COUNT(*) FROM inbound_file", Long.class);

        Api.Response refused = Api.as(port, "biller").postRaw("/api/acknowledgements", "application/edi-x12",
                broken.getBytes(StandardCharsets.UTF_8));
        Api.Response notX12 = Api.as(port, "biller").postRaw("/api/acknowledgements", "text/plain",
                "{\"claim\": 1}".getBytes(StandardCharsets.UTF_8));
        Api.Response empty = Api.as(port, "biller").postRaw("/api/acknowledgements", "text/plain", new byte[0]);
        Api.Response claimFile = Api.as(port, "biller").postRaw("/api/acknowledgements", "text/plain",
                new Claim837PWriter(true).writeToString(claimFile(unique("C"), "MOK000001", 1))
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.json().get("detail").asText()).contains("277CA could not be read").contains("STC02")
                .contains("nothing was applied");
        assertThat(refused.json().get("errors").get(0).get("field").asText()).startsWith("STC (segment ");
        assertThat(notX12.status()).isEqualTo(400);
        assertThat(notX12.json().get("detail").asText()).contains("must start with an ISA segment");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("detail").asText()).isEqualTo("The file is empty.");
        assertThat(claimFile.status()).isEqualTo(400);
        assertThat(claimFile.json().get("detail").asText()).contains("837").contains("only 999, 277CA and 835");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbound_file", Long.class)).isEqualTo(files);
        assertThat(callsFor(claimNumber)).isZero();
    }

    @Test
    void theInboxPollerMovesAGoodFileToProcessedAndABrokenOneToFailedWithItsReason() throws Exception {
        long group = ThreadLocalRandom.current().nextLong(100_000_000, 999_999_999);
        String good = "poll-" + group + ".999";
        String bad = "poll-" + group + "-bad.277";
        String partial = "poll-" + group + ".277.part";
        String x999 = new FunctionalAcknowledgement999Writer(true).writeToString(envelope("CLEARINGHOUSE"),
                new FunctionalAcknowledgement(null, Long.toString(group), "HC", "A", List.of(
                        new FunctionalAcknowledgement.TransactionResult("837", "0001", "A", List.of()))),
                "005010X222A1");
        String claimNumber = unique("POLL");
        String broken = claimAcknowledgement(claimNumber).replaceFirst("TRN\\*2\\*" + claimNumber, "TRN*2*");
        Files.writeString(inbox.folder().resolve(partial), broken);
        Files.writeString(inbox.folder().resolve(bad + ".tmp"), broken);
        Files.move(inbox.folder().resolve(bad + ".tmp"), inbox.folder().resolve(bad));
        Files.writeString(inbox.folder().resolve(good), x999);

        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(inbox.folder().resolve("processed/" + good))
                && Files.exists(inbox.folder().resolve("failed/" + bad + ".error.txt")));

        assertThat(inbox.folder().resolve(good)).doesNotExist();
        assertThat(inbox.folder().resolve("failed/" + bad)).exists();
        String error = Files.readString(inbox.folder().resolve("failed/" + bad + ".error.txt"));
        assertThat(error).contains("277CA could not be read").contains("TRN02").contains("segment")
                .doesNotContain("MOK").doesNotContain("DOE");
        assertThat(inbox.folder().resolve(partial)).as("a partial upload is left alone").exists();
        assertThat(AcknowledgementRecorder.functional()).extracting(FunctionalAcknowledgement::groupControlNumber)
                .containsOnlyOnce(Long.toString(group));
        assertThat(jdbc.queryForObject("SELECT channel FROM inbound_file WHERE file_name = ?", String.class, good))
                .isEqualTo("INBOX");
        Files.delete(inbox.folder().resolve(partial));
    }

    @Test
    void theSimulatorAnswersAClaimFileWith999Then277caThen835ThroughTheInbox() throws Exception {
        String claimNumber = unique("SIM");
        jdbc.update("INSERT INTO payer (payer_code, name) VALUES ('ITPAYER', 'Integration Health Plan') ON CONFLICT DO NOTHING");
        // The payer's contract for 99215: 95.00 a unit, below the 150.00 charged (80% would be 120.00).
        jdbc.update("""
                INSERT INTO payer_fee_schedule (payer_id, procedure_code, modifier, allowed_cents)
                SELECT id, '99215', '', 9500 FROM payer WHERE payer_code = 'ITPAYER' ON CONFLICT DO NOTHING""");
        try {
            String fileName = claimNumber + ".837";
            long control = control();
            Files.writeString(outbox.resolve(fileName),
                    new Claim837PWriter(true).writeToString(claimFile(claimNumber, "MOK000001", control)));

            PayerSimulator.Answers answers = simulator.answer(fileName).get(30, TimeUnit.SECONDS);

            assertThat(answers.received()).extracting(InboxFolder.Result::fileName)
                    .containsExactly(claimNumber + ".999", claimNumber + ".277", claimNumber + ".835");
            assertThat(answers.received()).allMatch(InboxFolder.Result::succeeded);
            assertThat(answers.received()).extracting(r -> r.movedTo().getParent().getFileName().toString())
                    .containsOnly("processed");
            FunctionalAcknowledgement ack999 = AcknowledgementRecorder.functional().stream()
                    .filter(a -> a.groupControlNumber().equals(Long.toString(control))).reduce((a, b) -> b).orElseThrow();
            assertThat(ack999.groupStatus()).isEqualTo("A");
            ClaimAcknowledgement.ClaimResult result = claimResult(claimNumber);
            assertThat(result.accepted()).isTrue();
            assertThat(result.statuses().get(0).categoryCode() + ":" + result.statuses().get(0).statusCode())
                    .isEqualTo("A2:20");
            RemittanceAdvice advice = new Remittance835Reader().read(new ByteArrayInputStream(
                    Files.readAllBytes(answers.received().get(2).movedTo()))).advices().get(0);
            assertThat(advice.claims().get(0).payerClaimControlNumber()).isEqualTo(result.payerClaimControlNumber());
            assertThat(advice.claims().get(0).lines()).extracting(l -> l.paymentAmount())
                    .usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(new BigDecimal("95"), new BigDecimal("140"));
            assertThat(answers.received().get(2).summary().remittance().paymentTotalCents()).isEqualTo(23500);
        } finally {
            jdbc.update("DELETE FROM payer_fee_schedule WHERE procedure_code = '99215'");
        }
    }

    @Test
    void theSimulatorRejectsAClaimOfAnUnknownMemberIn277caAndSendsNo835() throws Exception {
        String claimNumber = unique("REJ");
        String fileName = claimNumber + ".837";
        Files.writeString(outbox.resolve(fileName),
                new Claim837PWriter(true).writeToString(claimFile(claimNumber, "MREJECTED01", control())));

        PayerSimulator.Answers answers = simulator.answer(fileName).get(30, TimeUnit.SECONDS);

        assertThat(answers).as("the answer stops after the 277CA").isNull();
        assertThat(inbox.folder().resolve("processed/" + claimNumber + ".999")).exists();
        assertThat(inbox.folder().resolve("processed/" + claimNumber + ".277")).exists();
        assertThat(inbox.folder().resolve("processed/" + claimNumber + ".835")).doesNotExist();
        ClaimAcknowledgement.ClaimResult result = claimResult(claimNumber);
        assertThat(result.accepted()).isFalse();
        assertThat(result.payerClaimControlNumber()).isNull();
        assertThat(result.statuses()).singleElement().satisfies(s -> {
            assertThat(s.categoryCode() + ":" + s.statusCode() + ":" + s.entityCode()).isEqualTo("A7:164:IL");
            assertThat(s.actionCode()).isEqualTo("U");
        });
        String x277 = Files.readString(inbox.folder().resolve("processed/" + claimNumber + ".277"));
        assertThat(new ClaimAcknowledgement277Reader().read(new ByteArrayInputStream(x277.getBytes(StandardCharsets.UTF_8)))
                .acknowledgements().get(0).claims()).hasSize(1);
    }

    @Test
    void theSimulatorRejectsTheGroupOfAnUnreadableClaimFileIn999Only() throws Exception {
        String claimNumber = unique("BAD");
        String fileName = claimNumber + ".837";
        long control = control();
        String x837 = new Claim837PWriter(true).writeToString(claimFile(claimNumber, "MOK000001", control));
        Files.writeString(outbox.resolve(fileName), x837.replaceFirst("CLM\\*" + claimNumber + "\\*\\d+",
                "CLM*" + claimNumber + "*lots"));

        assertThat(simulator.answer(fileName).get(30, TimeUnit.SECONDS)).isNull();

        assertThat(inbox.folder().resolve("processed/" + claimNumber + ".999")).exists();
        assertThat(inbox.folder().resolve("processed/" + claimNumber + ".277")).doesNotExist();
        FunctionalAcknowledgement ack = AcknowledgementRecorder.functional().stream()
                .filter(a -> a.groupControlNumber().equals(Long.toString(control))).reduce((a, b) -> b).orElseThrow();
        assertThat(ack.groupStatus()).isEqualTo("R");
        assertThat(ack.transactions()).singleElement().satisfies(t -> {
            assertThat(t.status()).isEqualTo("R");
            assertThat(t.errors()).extracting(FunctionalAcknowledgement.SegmentError::segmentId).containsExactly("CLM");
        });
    }

    @Test
    void aSubmittedClaimGetsA999AndA277caInTheInboxFromTheSimulator() throws Exception {
        RelayFixture relay = new RelayFixture(port, jdbc);
        String encounter = RelayFixture.uniqueNumber("ACK");
        long caseId = relay.receive(encounter);
        relay.code(caseId, encounter, List.of("RT"));
        String claimNumber = relay.awaitClaimNumber(encounter);
        submit(relay, claimNumber);

        await().atMost(Duration.ofSeconds(30)).until(() -> processed(claimNumber, ".835") != null);

        assertThat(processed(claimNumber, ".999")).isNotNull();
        assertThat(processed(claimNumber, ".277")).isNotNull();
        long group = jdbc.queryForObject("""
                SELECT s.interchange_control_number FROM claim_submission s JOIN claim c ON c.id = s.claim_id
                WHERE c.claim_number = ?""", Long.class, claimNumber);
        assertThat(AcknowledgementRecorder.functional()).filteredOn(a -> a.groupControlNumber().equals(
                Long.toString(group))).singleElement().matches(FunctionalAcknowledgement::accepted);
        assertThat(claimResult(claimNumber).accepted()).isTrue();
        assertThat(callsFor(claimNumber)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbound_file WHERE file_name LIKE ?", Long.class,
                claimNumber + "-%")).isEqualTo(3);
    }

    @Test
    void aFileUploadedAsAFormPartIsReceivedLikeARawBody() {
        String claimNumber = unique("FORM");
        String boundary = "relay" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"answer.277\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + claimAcknowledgement(claimNumber) + "\r\n--"
                + boundary + "--\r\n";

        Api.Response uploaded = Api.as(port, "biller").postRaw("/api/acknowledgements",
                "multipart/form-data; boundary=" + boundary, body.getBytes(StandardCharsets.UTF_8));

        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        assertThat(uploaded.json().get("type").asText()).isEqualTo("277CA");
        assertThat(callsFor(claimNumber)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT file_name FROM inbound_file WHERE id = ?", String.class,
                uploaded.json().get("fileId").asLong())).isEqualTo("answer.277");
    }

    /**
     * Gets the claim sent whichever way the claim-submission process does it: a biller's preparation task when the
     * model has one, or on its own once the claim passed the scrubber.
     */
    private void submit(RelayFixture relay, String claimNumber) {
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.findTask("biller", "Task_PrepareClaim", claimNumber)
                != null || submitted(claimNumber));
        JsonNode task = relay.findTask("biller", "Task_PrepareClaim", claimNumber);
        if (task != null) {
            relay.as("biller").post("/api/tasks/" + task.get("id").asText() + "/claim", "");
            Api.Response prepared = relay.as("biller").post("/api/claims/" + task.get("claimId").asLong() + "/prepare",
                    "{}");
            assertThat(prepared.status()).as(prepared.body()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> submitted(claimNumber));
    }

    private boolean submitted(String claimNumber) {
        return jdbc.queryForObject("""
                SELECT COUNT(*) FROM claim_submission s JOIN claim c ON c.id = s.claim_id WHERE c.claim_number = ?""",
                Long.class, claimNumber) > 0;
    }

    /** The simulator's answer of that type for the claim's first submission, once received. */
    private Path processed(String claimNumber, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(inbox.folder().resolve("processed"))) {
            return files.filter(p -> p.getFileName().toString().startsWith(claimNumber + "-1-")
                    && p.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
        }
    }

    @Test
    void anUploadedFileNeedsAFilePart() {
        Api.Response missing = Api.as(port, "biller").postRaw("/api/acknowledgements",
                "multipart/form-data; boundary=xyz", "--xyz--\r\n".getBytes(StandardCharsets.UTF_8));

        assertThat(missing.status()).isEqualTo(400);
        JsonNode problem = missing.json();
        assertThat(problem.get("detail").asText()).contains("part named 'file'");
    }

    private static long callsFor(String claimNumber) {
        return AcknowledgementRecorder.claims().stream().flatMap(a -> a.claims().stream())
                .filter(c -> c.patientControlNumber().equals(claimNumber)).count();
    }

    private static ClaimAcknowledgement.ClaimResult claimResult(String claimNumber) {
        return AcknowledgementRecorder.claims().stream().flatMap(a -> a.claims().stream())
                .filter(c -> c.patientControlNumber().equals(claimNumber)).reduce((a, b) -> b).orElseThrow();
    }

    private static long control() {
        return ThreadLocalRandom.current().nextLong(1, 300_000_000);
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static InterchangeEnvelope envelope(String sender) {
        long control = ThreadLocalRandom.current().nextLong(1, 999_999_999);
        return new InterchangeEnvelope("ZZ", sender, "ZZ", "RELAYRCM", control, control, 1, LocalDateTime.now(),
                UsageIndicator.TEST);
    }

    /** What a clearinghouse sends when the payer accepted the claim. */
    private static String claimAcknowledgement(String claimNumber) {
        LocalDate today = LocalDate.now();
        return new ClaimAcknowledgement277Writer(true).writeToString(envelope("CLEARINGHOUSE"),
                new ClaimAcknowledgement277Writer.Header("Integration Health Plan", "ITPAYER", "Relay Family Medicine",
                        "RELAYRCM", "1", today, today),
                List.of(new ClaimAcknowledgement277Writer.Claim(new ClaimAcknowledgement.ClaimResult(claimNumber,
                        "ICN" + claimNumber, List.of(new ClaimAcknowledgement.Status("A2", "20", null, today, "WQ", null)),
                        new BigDecimal("310")), "Relay Family Medicine", "1234567893", "DOE", "JANE", "MOK000001",
                        today.minusDays(1), null)));
    }

    /** A one-claim 837P to ITPAYER, the payer the simulator stands in for in the tests. */
    private static ProfessionalClaim claimFile(String claimNumber, String memberId, long control) {
        LocalDate dos = LocalDate.now().minusDays(1);
        List<ServiceLine> lines = List.of(
                new ServiceLine("99215", List.of("25"), new BigDecimal("150.00"), BigDecimal.ONE, List.of(1), dos),
                new ServiceLine("20610", List.of("RT"), new BigDecimal("175.00"), BigDecimal.ONE, List.of(1), dos));
        Address address = new Address("100 Main Street", "Springfield", "IL", "627010001");
        return new ProfessionalClaim(
                new InterchangeEnvelope("ZZ", "RELAYRCM", "ZZ", "SIMCLEARING", control, control, 1,
                        LocalDateTime.now(), UsageIndicator.TEST),
                new Submitter("Relay Family Medicine", "RELAYRCM", "Billing Office", "2175550100", null),
                new Receiver("Simulated Clearinghouse", "SIMCLEARING"),
                new BillingProvider("Relay Family Medicine", "1234567893", "123456789", "207Q00000X", address),
                new Subscriber("DOE", "JANE", memberId, LocalDate.of(1970, 5, 1), Sex.FEMALE,
                        new Address("1 Test Way", "Springfield", "IL", "62701")),
                new Payer("Integration Health Plan", "ITPAYER", "CI"),
                new ClaimDetails(claimNumber, new BigDecimal("325.00"), "11", ClaimFrequency.ORIGINAL, null, dos,
                        List.of("M17.11"), lines, null));
    }
}
