package org.relayrcm.remittance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.relayrcm.remittance.PostingFixture.advice;
import static org.relayrcm.remittance.PostingFixture.cas;
import static org.relayrcm.remittance.PostingFixture.claim;
import static org.relayrcm.remittance.PostingFixture.line;
import static org.relayrcm.remittance.PostingFixture.plb;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.relayrcm.edi.Adjustment;
import org.relayrcm.edi.ClaimPayment;
import org.relayrcm.edi.Remittance835Reader;
import org.relayrcm.edi.RemittanceAdvice;
import org.relayrcm.edi.RemittanceFile;
import org.relayrcm.edi.ServicePayment;
import org.relayrcm.shared.Money;
import org.relayrcm.testing.Api;
import org.relayrcm.testing.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/** 835s posted over the API on PostgreSQL: every public sample against a table, then each posting rule on its own. */
@RelayIntegrationTest
class RemittancePostingIT {

    /** Tests run with the backend module as working directory; the data sits beside the repository. */
    static final Path SAMPLES = Path.of("../../shared/data/x12/835");
    private static final List<String> POSTING_TABLES = List.of("remittance", "remittance_claim", "remittance_line",
            "remittance_adjustment", "remittance_provider_adjustment", "remittance_exception", "denial");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService taskService;
    PostingFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new PostingFixture(jdbc, port);
    }

    record Expectation(String file, String outcome, String refusedAt, String duplicateOf, int transactions,
            int duplicates, int claimsInFile, int matched, int paid, int denied, Map<String, Integer> exceptions,
            long paidCents) {

        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Expectation> samples() {
        try (InputStream in = RemittancePostingIT.class.getResourceAsStream("/remittance/835-posting-expectations.csv")) {
            Objects.requireNonNull(in, "remittance/835-posting-expectations.csv on the test classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("file,"))
                    .map(row -> {
                        String[] c = row.split(",", -1);
                        boolean posted = c[1].equals("posted");
                        Map<String, Integer> exceptions = new TreeMap<>();
                        Arrays.stream(c[10].split(";")).filter(s -> !s.isEmpty()).map(s -> s.split(":"))
                                .forEach(kv -> exceptions.put(kv[0], Integer.parseInt(kv[1])));
                        return new Expectation(c[0], c[1], c[2], c[3].isEmpty() ? null : c[3], posted ? Integer.parseInt(c[4]) : 0,
                                posted ? Integer.parseInt(c[5]) : 0, posted ? Integer.parseInt(c[6]) : 0,
                                posted ? Integer.parseInt(c[7]) : 0, posted ? Integer.parseInt(c[8]) : 0,
                                posted ? Integer.parseInt(c[9]) : 0, exceptions, posted ? Long.parseLong(c[11]) : 0);
                    }).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void postsEachSampleAsTheTableSays(Expectation expected) throws IOException {
        byte[] content = sample(expected.file());
        seedClaimsOf(content);
        if (expected.duplicateOf() != null) {
            fixture.post(sample(expected.duplicateOf()));
        }
        Map<String, Long> before = counts();
        long lastRemittance = maxId("remittance");
        long lastException = maxId("remittance_exception");

        Api.Response response = fixture.post(content);

        if (expected.outcome().equals("refused")) {
            String[] at = expected.refusedAt().split(":");
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.json().get("errors").get(0).get("field").asText())
                    .isEqualTo(at[0] + " (segment " + at[1] + ")");
            assertThat(response.json().get("detail").asText()).contains("nothing was posted").contains("segment " + at[1]);
            assertThat(counts()).as("a refused file changes nothing").isEqualTo(before);
            return;
        }
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode summary = response.json();
        assertThat(summary.get("transactions").asInt()).isEqualTo(expected.transactions());
        assertThat(summary.get("duplicateTransactions").asInt()).isEqualTo(expected.duplicates());
        assertThat(summary.get("claimsInFile").asInt()).isEqualTo(expected.claimsInFile());
        assertThat(summary.get("claimsMatched").asInt()).isEqualTo(expected.matched());
        assertThat(summary.get("claimsPaid").asInt()).isEqualTo(expected.paid());
        assertThat(summary.get("claimsDenied").asInt()).isEqualTo(expected.denied());
        assertThat(summary.get("paidTotalCents").asLong()).isEqualTo(expected.paidCents());
        Map<String, Integer> opened = new TreeMap<>();
        summary.get("exceptions").fields().forEachRemaining(e -> opened.put(e.getKey(), e.getValue().asInt()));
        assertThat(opened).isEqualTo(expected.exceptions());
        if (expected.duplicates() == expected.transactions()) {
            assertThat(counts()).as("a second delivery posts nothing").isEqualTo(before);
            return;
        }
        assertStoredAsTheFileSays(read(content), lastRemittance);
        assertPostedClaimsHoldTheirPayments(lastRemittance, expected.paidCents());
        assertEveryExceptionIsABillersTaskNamingTheProblem(lastException, expected.exceptions());
    }

    /** What the file says, summed here from the parsed file, is what the rows hold, to the cent. */
    private void assertStoredAsTheFileSays(RemittanceFile file, long lastRemittance) {
        List<ClaimPayment> clps = file.advices().stream().flatMap(a -> a.claims().stream()).toList();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM remittance WHERE id > ?", Long.class, lastRemittance))
                .isEqualTo(file.advices().size());
        assertThat(sum("SELECT SUM(payment_cents) FROM remittance WHERE id > ?", lastRemittance))
                .isEqualTo(cents(file.advices().stream().map(RemittanceAdvice::totalPayment)));
        assertThat(sum("SELECT SUM(claim_payment_cents) FROM remittance WHERE id > ?", lastRemittance))
                .isEqualTo(cents(clps.stream().map(ClaimPayment::paymentAmount)));
        assertThat(sum("SELECT SUM(provider_adjustment_cents) FROM remittance WHERE id > ?", lastRemittance))
                .isEqualTo(cents(file.advices().stream().map(RemittanceAdvice::providerAdjustmentTotal)));
        assertThat(sum("SELECT COUNT(*) FROM remittance_claim WHERE remittance_id > ?", lastRemittance))
                .isEqualTo(clps.size());
        assertThat(sum("SELECT SUM(charge_cents) FROM remittance_claim WHERE remittance_id > ?", lastRemittance))
                .isEqualTo(cents(clps.stream().map(ClaimPayment::chargeAmount)));
        assertThat(sum("SELECT SUM(paid_cents) FROM remittance_claim WHERE remittance_id > ?", lastRemittance))
                .isEqualTo(cents(clps.stream().map(ClaimPayment::paymentAmount)));
        assertThat(sum("""
                SELECT COUNT(*) FROM remittance_line l JOIN remittance_claim rc ON rc.id = l.remittance_claim_id
                WHERE rc.remittance_id > ?""", lastRemittance))
                .isEqualTo(clps.stream().mapToLong(c -> c.lines().size()).sum());
        assertThat(sum("""
                SELECT SUM(l.paid_cents) FROM remittance_line l JOIN remittance_claim rc ON rc.id = l.remittance_claim_id
                WHERE rc.remittance_id > ?""", lastRemittance))
                .isEqualTo(cents(clps.stream().flatMap(c -> c.lines().stream()).map(ServicePayment::paymentAmount)));
        assertThat(sum("""
                SELECT SUM(a.amount_cents) FROM remittance_adjustment a
                JOIN remittance_claim rc ON rc.id = a.remittance_claim_id WHERE rc.remittance_id > ?""", lastRemittance))
                .isEqualTo(cents(clps.stream().flatMap(PostingRules::allAdjustments).map(Adjustment::amount)));
    }

    /** Each claim posted now holds exactly its payment, and its lines exactly what their SVC paid. */
    private void assertPostedClaimsHoldTheirPayments(long lastRemittance, long expectedPaidCents) {
        List<Map<String, Object>> posted = jdbc.queryForList("""
                SELECT rc.id, rc.claim_id, rc.paid_cents, c.paid_cents AS claim_paid FROM remittance_claim rc
                JOIN claim c ON c.id = rc.claim_id WHERE rc.remittance_id > ? AND rc.outcome IN ('PAID', 'DENIED')""",
                lastRemittance);
        assertThat(posted.stream().mapToLong(r -> ((Number) r.get("paid_cents")).longValue()).sum())
                .isEqualTo(expectedPaidCents);
        for (Map<String, Object> row : posted) {
            assertThat(row.get("claim_paid")).isEqualTo(row.get("paid_cents"));
            assertThat(sum("SELECT COALESCE(SUM(paid_cents), 0) FROM claim_line WHERE claim_id = ?", (Long) row.get("claim_id")))
                    .isEqualTo(sum("SELECT COALESCE(SUM(paid_cents), 0) FROM remittance_line "
                            + "WHERE remittance_claim_id = ? AND line_number IS NOT NULL", (Long) row.get("id")));
        }
    }

    private void assertEveryExceptionIsABillersTaskNamingTheProblem(long lastException, Map<String, Integer> expected) {
        List<Map<String, Object>> opened = jdbc.queryForList(
                "SELECT id, kind, message FROM remittance_exception WHERE id > ? ORDER BY id", lastException);
        Map<String, Integer> byKind = opened.stream().collect(Collectors.groupingBy(r -> (String) r.get("kind"),
                TreeMap::new, Collectors.summingInt(r -> 1)));
        assertThat(byKind).isEqualTo(expected);
        for (Map<String, Object> row : opened) {
            String message = (String) row.get("message");
            switch ((String) row.get("kind")) {
                case "UNBALANCED_CLAIM" -> assertThat(message).contains("does not add up").contains("a difference of");
                case "UNBALANCED_PAYMENT" -> assertThat(message).contains("BPR02").contains("does not match its claims");
                case "NOT_AWAITED" -> assertThat(message).contains("not waiting for the payer");
                default -> assertThat(message).isNotBlank();
            }
        }
        String[] keys = opened.stream().map(r -> "RX-" + r.get("id")).toArray(String[]::new);
        if (keys.length > 0) {
            assertThat(taskService.createTaskQuery().taskDefinitionKey("Task_ReviewRemittance")
                    .processInstanceBusinessKeyIn(keys).taskCandidateGroup("biller").count()).isEqualTo(keys.length);
        }
    }

    // --- each rule on its own, with 835s written by our writer ---

    @Test
    void theSame835DeliveredTwicePostsOnceAndTheSecondSummarySaysSo() {
        String number = PostingFixture.uniqueClaimNumber();
        fixture.seed(number, "SUBMITTED", List.of(new PostingFixture.Line("99213", 13500)));
        byte[] x835 = PostingFixture.write(advice(List.of(claim(number, "1", "135", "100", null, "ICN-" + number,
                List.of(), line("99213", "135", "100", "100", List.of(), cas("CO", "45", "35")))),
                plb("WO", "10"))).getBytes(StandardCharsets.UTF_8);
        // A provider-level recovery of $10: the payment is $90, and balances.
        assertThat(fixture.post(x835).json().get("providerAdjustmentTotalCents").asLong()).isEqualTo(1000);
        Map<String, Long> before = counts();

        JsonNode again = fixture.post(x835).json();

        assertThat(again.get("transactions").asInt()).isEqualTo(1);
        assertThat(again.get("duplicateTransactions").asInt()).isEqualTo(1);
        assertThat(again.get("claimsMatched").asInt()).isZero();
        assertThat(again.get("claimsPaid").asInt()).isZero();
        assertThat(again.get("paymentTotalCents").asLong()).isZero();
        assertThat(again.get("claims")).isEmpty();
        assertThat(counts()).isEqualTo(before);
        assertThat(fixture.claimCents(number, "paid_cents")).isEqualTo(10000);
    }

    @Test
    void postsPaidContractualAndPatientAmountsToTheClaimAndEachLine() {
        String number = PostingFixture.uniqueClaimNumber();
        fixture.seed(number, "ACCEPTED", List.of(new PostingFixture.Line("99213", 13500),
                new PostingFixture.Line("20610", 17500)));

        JsonNode summary = fixture.post(advice(List.of(claim(number, "1", "310", "218", "30", "ICN-" + number, List.of(),
                line("99213", "135", "78", "108", List.of(), cas("CO", "45", "27"), cas("PR", "1", "30")),
                line("20610", "175", "140", null, List.of(), cas("CO", "45", "35")))))).json();

        assertThat(summary.get("claimsPaid").asInt()).isEqualTo(1);
        assertThat(summary.get("contractualTotalCents").asLong()).isEqualTo(6200);
        assertThat(summary.get("patientResponsibilityTotalCents").asLong()).isEqualTo(3000);
        assertThat(fixture.status(number)).isEqualTo("PAID");
        assertThat(fixture.claimCents(number, "paid_cents")).isEqualTo(21800);
        assertThat(fixture.claimCents(number, "patient_resp_cents")).isEqualTo(3000);
        assertThat(fixture.claimCents(number, "contractual_cents")).isEqualTo(6200);
        assertThat(fixture.lineCents(number, "paid_cents")).containsExactly(7800L, 14000L);
        assertThat(fixture.lineCents(number, "allowed_cents")).containsExactly(10800L, null);
        assertThat(fixture.lineCents(number, "contractual_cents")).containsExactly(2700L, 3500L);
        assertThat(fixture.lineCents(number, "patient_resp_cents")).containsExactly(3000L, 0L);
        assertThat(jdbc.queryForList("""
                SELECT a.group_code || '-' || a.reason_code || ':' || a.amount_cents FROM remittance_adjustment a
                JOIN remittance_claim rc ON rc.id = a.remittance_claim_id WHERE rc.claim_number = ? ORDER BY a.id""",
                String.class, number)).containsExactly("CO-45:2700", "PR-1:3000", "CO-45:3500");
    }

    @Test
    void aForwardedClaimIsPaidAndMarkedForTheNextPayer() {
        String number = PostingFixture.uniqueClaimNumber();
        fixture.seed(number, "SUBMITTED", List.of(new PostingFixture.Line("99213", 10000)));

        JsonNode summary = fixture.post(advice(List.of(claim(number, "19", "100", "60", "20", "ICN-" + number,
                List.of(), line("99213", "100", "60", null, List.of(), cas("CO", "45", "20"), cas("PR", "2", "20"))))))
                .json();

        assertThat(summary.get("claims").get(0).get("outcome").asText()).isEqualTo("PAID");
        assertThat(fixture.status(number)).isEqualTo("PAID");
        assertThat(jdbc.queryForObject("SELECT forwarded FROM remittance_claim WHERE claim_number = ?", Boolean.class,
                number)).isTrue();
        assertThat(fixture.claimCents(number, "patient_resp_cents")).isEqualTo(2000);
    }

    @Test
    void anUnpaidLineDeniedOnAPaidClaimDeniesTheClaimAndRecordsThatLine() {
        String number = PostingFixture.uniqueClaimNumber();
        long claimId = fixture.seed(number, "SUBMITTED", List.of(new PostingFixture.Line("99213", 13500),
                new PostingFixture.Line("97110", 17000)));

        JsonNode summary = fixture.post(advice(List.of(claim(number, "1", "305", "108", null, "ICN-" + number, List.of(),
                line("99213", "135", "108", null, List.of(), cas("CO", "45", "27")),
                line("97110", "170", "0", null, List.of("M20"), cas("CO", "4", "170")))))).json();

        assertThat(summary.get("claimsDenied").asInt()).isEqualTo(1);
        assertThat(fixture.status(number)).isEqualTo("DENIED");
        assertThat(fixture.claimCents(number, "paid_cents")).isEqualTo(10800);
        assertThat(fixture.lineCents(number, "paid_cents")).containsExactly(10800L, 0L);
        assertThat(jdbc.queryForList("SELECT line_number || ':' || group_code || '-' || reason_code || ':' || route || ':' "
                + "|| remark_codes FROM denial WHERE claim_id = ?", String.class, claimId))
                .containsExactly("2:CO-4:RECODE:M20");
        assertThat(jdbc.queryForObject("SELECT denial_route FROM remittance_claim WHERE claim_number = ?", String.class,
                number)).isEqualTo("RECODE");
    }

    @Test
    void aReversalFollowedByItsCorrectionTakesThePaymentBackAndPostsTheNewOne() {
        String number = PostingFixture.uniqueClaimNumber();
        fixture.seed(number, "SUBMITTED", List.of(new PostingFixture.Line("99213", 13500)));
        fixture.post(advice(List.of(paid(number, "100"))));
        long exceptionsBefore = fixture.count("remittance_exception");

        JsonNode summary = fixture.post(advice(List.of(reversal(number, "100"), paid(number, "120")))).json();

        assertThat(summary.get("claimsReversed").asInt()).isEqualTo(1);
        assertThat(summary.get("claimsPaid").asInt()).isEqualTo(1);
        assertThat(summary.get("paidTotalCents").asLong()).isEqualTo(2000);
        assertThat(fixture.status(number)).isEqualTo("PAID");
        assertThat(fixture.claimCents(number, "paid_cents")).isEqualTo(12000);
        assertThat(fixture.lineCents(number, "paid_cents")).containsExactly(12000L);
        assertThat(fixture.count("remittance_exception")).as("a corrected payment followed").isEqualTo(exceptionsBefore);
        assertThat(jdbc.queryForList("SELECT outcome || ':' || (reversed_by IS NOT NULL) FROM remittance_claim "
                + "WHERE claim_number = ? ORDER BY id", String.class, number))
                .containsExactly("PAID:true", "REVERSAL:false", "PAID:false");
    }

    @Test
    void aReversalWithoutCorrectionPutsTheClaimBackAndTellsABiller() {
        String number = PostingFixture.uniqueClaimNumber();
        fixture.seed(number, "SUBMITTED", List.of(new PostingFixture.Line("99213", 13500)));
        fixture.post(advice(List.of(paid(number, "100"))));

        JsonNode summary = fixture.post(advice(List.of(reversal(number, "100")))).json();

        assertThat(summary.get("exceptions").get("PAYMENT_REVERSED").asInt()).isEqualTo(1);
        assertThat(fixture.status(number)).isEqualTo("ACCEPTED");
        assertThat(fixture.claimCents(number, "paid_cents")).isZero();
        assertThat(fixture.claimCents(number, "contractual_cents")).isZero();
        assertThat(fixture.lineCents(number, "paid_cents")).containsExactly(0L);
        long exceptionId = summary.get("claims").get(0).get("exceptionId").asLong();
        assertThat(taskService.createTaskQuery().taskDefinitionKey("Task_ReviewRemittance")
                .processInstanceBusinessKey("RX-" + exceptionId).taskCandidateGroup("biller").count()).isEqualTo(1);
    }

    @Test
    void aReversalOfAPaymentNeverPostedChangesNothingAndGoesToABiller() {
        String number = PostingFixture.uniqueClaimNumber();
        fixture.seed(number, "SUBMITTED", List.of(new PostingFixture.Line("99213", 13500)));

        JsonNode summary = fixture.post(advice(List.of(reversal(number, "100")))).json();

        assertThat(summary.get("claims").get(0).get("outcome").asText()).isEqualTo("UNKNOWN_REVERSAL");
        assertThat(summary.get("exceptions").get("UNKNOWN_REVERSAL").asInt()).isEqualTo(1);
        assertThat(fixture.status(number)).isEqualTo("SUBMITTED");
        assertThat(fixture.claimCents(number, "paid_cents")).isNull();
        assertThat(jdbc.queryForObject("SELECT message FROM remittance_exception WHERE id = ?", String.class,
                summary.get("claims").get(0).get("exceptionId").asLong()))
                .contains("reverses (CLP02 22) a payment of $100.00 on claim " + number).contains("no such payment");
    }

    @Test
    void aPaymentForAClaimNotWaitingForOneIsNotPostedButQueued() {
        String number = PostingFixture.uniqueClaimNumber();
        fixture.seed(number, "DRAFT", List.of(new PostingFixture.Line("99213", 13500)));

        JsonNode summary = fixture.post(advice(List.of(paid(number, "100")))).json();

        assertThat(summary.get("claims").get(0).get("outcome").asText()).isEqualTo("NOT_AWAITED");
        assertThat(summary.get("claimsSentToExceptions").asInt()).isEqualTo(1);
        assertThat(fixture.status(number)).isEqualTo("DRAFT");
        assertThat(fixture.claimCents(number, "paid_cents")).isNull();
    }

    @Test
    void aStatusPostingDoesNotKnowIsQueuedNotGuessed() {
        String number = PostingFixture.uniqueClaimNumber();
        fixture.seed(number, "SUBMITTED", List.of(new PostingFixture.Line("99213", 13500)));
        ClaimPayment predetermination = claim(number, "25", "135", "0", null, "ICN-" + number, List.of(),
                line("99213", "135", "0", null, List.of(), cas("OA", "101", "135")));

        JsonNode summary = fixture.post(advice(List.of(predetermination))).json();

        assertThat(summary.get("claims").get(0).get("outcome").asText()).isEqualTo("UNSUPPORTED_STATUS");
        assertThat(summary.get("exceptions").get("UNSUPPORTED_STATUS").asInt()).isEqualTo(1);
        assertThat(fixture.status(number)).isEqualTo("SUBMITTED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM denial d JOIN claim c ON c.id = d.claim_id "
                + "WHERE c.claim_number = ?", Long.class, number)).isZero();
    }

    @Test
    void readsAFileThatStartsWithAByteOrderMark() {
        String number = PostingFixture.uniqueClaimNumber();
        fixture.seed(number, "SUBMITTED", List.of(new PostingFixture.Line("99213", 13500)));
        byte[] text = PostingFixture.write(advice(List.of(paid(number, "100")))).getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);

        Api.Response response = fixture.post(withBom);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(fixture.status(number)).isEqualTo("PAID");
    }

    @Test
    void refusesFractionsOfACentNamingTheSegmentAndPostsNothing() {
        String number = PostingFixture.uniqueClaimNumber();
        fixture.seed(number, "SUBMITTED", List.of(new PostingFixture.Line("99213", 13500)));
        String x835 = PostingFixture.write(advice(List.of(paid(number, "100")))).replace("CAS*CO*45*35~", "CAS*CO*45*35.001~");
        Map<String, Long> before = counts();

        Api.Response response = fixture.post(x835.getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).startsWith("CAS (segment ");
        assertThat(response.json().get("detail").asText()).contains("fractions of a cent");
        assertThat(counts()).isEqualTo(before);
        assertThat(fixture.status(number)).isEqualTo("SUBMITTED");
    }

    private static ClaimPayment paid(String number, String amount) {
        BigDecimal adjusted = new BigDecimal("135").subtract(new BigDecimal(amount));
        return claim(number, "1", "135", amount, null, "ICN-" + number, List.of(),
                line("99213", "135", amount, null, List.of(), cas("CO", "45", adjusted.toPlainString())));
    }

    /** What payers send to take a payment back: the original answer with every amount negated, CLP02 22. */
    private static ClaimPayment reversal(String number, String amount) {
        BigDecimal adjusted = new BigDecimal("135").subtract(new BigDecimal(amount));
        return claim(number, "22", "-135", "-" + amount, null, "ICN-" + number, List.of(),
                line("99213", "-135", "-" + amount, null, List.of(), cas("CO", "45", adjusted.negate().toPlainString())));
    }

    private void seedClaimsOf(byte[] content) {
        RemittanceFile file;
        try {
            file = read(content);
        } catch (RuntimeException unreadable) {
            // A file the reader refuses still gets its claims, so that a refusal is seen to change none of them.
            java.util.regex.Matcher clp = java.util.regex.Pattern.compile("CLP\\*([^*~]+)\\*")
                    .matcher(new String(content, StandardCharsets.ISO_8859_1));
            while (clp.find()) {
                fixture.seed(clp.group(1), "SUBMITTED", List.of());
            }
            return;
        }
        Map<String, ClaimPayment> first = new LinkedHashMap<>();
        file.advices().forEach(a -> a.claims().forEach(c -> first.putIfAbsent(c.patientControlNumber(), c)));
        first.forEach((number, clp) -> fixture.seed(number, "SUBMITTED", clp.lines().stream()
                .map(l -> new PostingFixture.Line(l.billedCode().length() > 5 ? l.billedCode().substring(0, 5)
                        : l.billedCode(), Money.toCents(l.chargeAmount())))
                .toList()));
    }

    private static RemittanceFile read(byte[] content) {
        return new Remittance835Reader().read(new ByteArrayInputStream(content));
    }

    private static byte[] sample(String name) throws IOException {
        Path file = SAMPLES.resolve(name);
        assumeTrue(Files.isRegularFile(file), "shared reference data not present: " + file.toAbsolutePath());
        return Files.readAllBytes(file);
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        POSTING_TABLES.forEach(t -> counts.put(t, fixture.count(t)));
        counts.put("claims paid or denied", jdbc.queryForObject(
                "SELECT COUNT(*) FROM claim WHERE status IN ('PAID', 'DENIED')", Long.class));
        return counts;
    }

    private long maxId(String table) {
        return jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM " + table, Long.class);
    }

    private long sum(String sql, long id) {
        Long value = jdbc.queryForObject(sql, Long.class, id);
        return value == null ? 0 : value;
    }

    private static long cents(Stream<BigDecimal> amounts) {
        return Money.toCents(amounts.reduce(BigDecimal.ZERO, BigDecimal::add));
    }
}
