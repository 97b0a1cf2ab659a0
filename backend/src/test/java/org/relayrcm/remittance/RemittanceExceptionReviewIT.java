package org.relayrcm.remittance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relayrcm.remittance.PostingFixture.advice;
import static org.relayrcm.remittance.PostingFixture.cas;
import static org.relayrcm.remittance.PostingFixture.claim;
import static org.relayrcm.remittance.PostingFixture.line;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relayrcm.edi.ClaimPayment;
import org.relayrcm.testing.Api;
import org.relayrcm.testing.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/** A biller works the remittance exception queue: reads an exception, posts it to the right claim or acknowledges it. */
@RelayIntegrationTest
class RemittanceExceptionReviewIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    PostingFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new PostingFixture(jdbc, port);
    }

    @Test
    void aPaymentForAnUnknownClaimBecomesABillersTaskAndIsPostedToTheClaimTheyName() {
        String sentNumber = PostingFixture.uniqueClaimNumber();
        String ourNumber = PostingFixture.uniqueClaimNumber();
        long claimId = fixture.seed(ourNumber, "ACCEPTED", List.of(new PostingFixture.Line("99213", 13500)));
        JsonNode summary = fixture.post(advice(List.of(payment(sentNumber)))).json();
        assertThat(summary.get("claims").get(0).get("outcome").asText()).isEqualTo("UNMATCHED");
        assertThat(summary.get("exceptions").get("CLAIM_NOT_FOUND").asInt()).isEqualTo(1);
        long exceptionId = summary.get("claims").get(0).get("exceptionId").asLong();

        JsonNode task = task("RX-" + exceptionId);
        assertThat(task.get("taskDefinitionKey").asText()).isEqualTo("Task_ReviewRemittance");
        assertThat(task.get("candidateGroups").get(0).asText()).isEqualTo("biller");
        assertThat(task.get("remittanceExceptionId").asLong()).isEqualTo(exceptionId);
        JsonNode shown = biller().get("/api/remittance-exceptions/" + exceptionId).json();
        assertThat(shown.get("kind").asText()).isEqualTo("CLAIM_NOT_FOUND");
        assertThat(shown.get("message").asText()).contains(sentNumber).contains("matches none of our claims");
        assertThat(shown.get("payerName").asText()).isEqualTo("Posting Test Plan");
        assertThat(shown.get("traceNumber").asText()).startsWith("TRC");
        assertThat(shown.get("paidCents").asLong()).isEqualTo(10000);
        assertThat(shown.get("lines").get(0).get("procedureCode").asText()).isEqualTo("99213");
        assertThat(shown.get("adjustments").get(0).get("reasonCode").asText()).isEqualTo("45");
        assertThat(shown.get("actions").toString()).isEqualTo("[\"POST_TO_CLAIM\",\"ACKNOWLEDGE\"]");
        assertThat(Api.as(port, "manager").get("/api/remittance-exceptions/" + exceptionId).status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM phi_access WHERE resource_type = 'REMITTANCE_EXCEPTION' "
                + "AND resource_id = ?", Long.class, exceptionId)).as("no patient is known yet").isZero();

        Api.Response unclaimed = resolve(exceptionId, Map.of("action", "POST_TO_CLAIM", "claimNumber", ourNumber));
        assertThat(unclaimed.status()).as("the biller must hold the task").isEqualTo(409);
        assertThat(fixture.status(ourNumber)).isEqualTo("ACCEPTED");
        claimTask(task);
        Api.Response posted = resolve(exceptionId, Map.of("action", "POST_TO_CLAIM", "claimNumber", ourNumber,
                "note", "Payer keyed the claim number with a typo"));

        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        assertThat(posted.json().get("status").asText()).isEqualTo("POSTED");
        assertThat(posted.json().get("resolvedClaimNumber").asText()).isEqualTo(ourNumber);
        assertThat(fixture.status(ourNumber)).isEqualTo("PAID");
        assertThat(fixture.claimCents(ourNumber, "paid_cents")).isEqualTo(10000);
        assertThat(fixture.lineCents(ourNumber, "paid_cents")).containsExactly(10000L);
        assertThat(jdbc.queryForObject("SELECT outcome FROM remittance_claim WHERE claim_number = ?", String.class,
                sentNumber)).isEqualTo("PAID");
        assertThat(Api.as(port, "biller").get("/api/tasks?view=group&size=50&businessKey=RX-" + exceptionId).json()
                .get("content")).isEmpty();
        assertThat(biller().get("/api/remittance-exceptions/" + exceptionId).status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM phi_access WHERE resource_type = 'REMITTANCE_EXCEPTION' "
                + "AND resource_id = ? AND patient_id = (SELECT e.patient_id FROM claim c JOIN encounter e "
                + "ON e.id = c.encounter_id WHERE c.id = ?)", Long.class, exceptionId, claimId))
                .as("read once the claim is known").isEqualTo(1);

        Api.Response twice = resolve(exceptionId, Map.of("action", "ACKNOWLEDGE", "note", "again"));
        assertThat(twice.status()).isEqualTo(409);
    }

    @Test
    void postingToAClaimThatDoesNotExistOrDoesNotBalanceAgainstItChangesNothing() {
        String sentNumber = PostingFixture.uniqueClaimNumber();
        String paidNumber = PostingFixture.uniqueClaimNumber();
        fixture.seed(paidNumber, "PAID", List.of(new PostingFixture.Line("99213", 13500)));
        long exceptionId = fixture.post(advice(List.of(payment(sentNumber)))).json().get("claims").get(0)
                .get("exceptionId").asLong();
        claimTask(task("RX-" + exceptionId));

        Api.Response noSuchClaim = resolve(exceptionId, Map.of("action", "POST_TO_CLAIM", "claimNumber", "RC0000000000"));
        Api.Response alreadyPaid = resolve(exceptionId, Map.of("action", "POST_TO_CLAIM", "claimNumber", paidNumber));
        Api.Response noNumber = resolve(exceptionId, Map.of("action", "POST_TO_CLAIM"));

        assertThat(noSuchClaim.status()).isEqualTo(422);
        assertThat(noSuchClaim.json().get("errors").get(0).get("field").asText()).isEqualTo("claimNumber");
        assertThat(alreadyPaid.status()).isEqualTo(409);
        assertThat(alreadyPaid.json().get("detail").asText()).contains(paidNumber).contains("not waiting for the payer");
        assertThat(noNumber.status()).isEqualTo(422);
        assertThat(jdbc.queryForObject("SELECT status FROM remittance_exception WHERE id = ?", String.class, exceptionId))
                .isEqualTo("OPEN");
        assertThat(jdbc.queryForObject("SELECT outcome FROM remittance_claim WHERE claim_number = ?", String.class,
                sentNumber)).isEqualTo("UNMATCHED");
        assertThat(fixture.claimCents(paidNumber, "paid_cents")).isNull();
        assertThat(task("RX-" + exceptionId)).as("the task stays open").isNotNull();
    }

    @Test
    void anExceptionIsAcknowledgedOnlyWithANoteAndCannotBePostedElsewhereUnlessItMatchedNoClaim() {
        String number = PostingFixture.uniqueClaimNumber();
        String other = PostingFixture.uniqueClaimNumber();
        fixture.seed(number, "DRAFT", List.of(new PostingFixture.Line("99213", 13500)));
        fixture.seed(other, "SUBMITTED", List.of(new PostingFixture.Line("99213", 13500)));
        long exceptionId = fixture.post(advice(List.of(payment(number)))).json().get("claims").get(0)
                .get("exceptionId").asLong();
        JsonNode task = task("RX-" + exceptionId);
        assertThat(task.get("claimNumber").asText()).as("the task list shows the claim").isEqualTo(number);
        claimTask(task);
        assertThat(biller().get("/api/remittance-exceptions/" + exceptionId).json().get("actions").toString())
                .isEqualTo("[\"ACKNOWLEDGE\"]");

        Api.Response elsewhere = resolve(exceptionId, Map.of("action", "POST_TO_CLAIM", "claimNumber", other));
        Api.Response withoutNote = resolve(exceptionId, Map.of("action", "ACKNOWLEDGE", "note", "  "));
        Api.Response acknowledged = resolve(exceptionId, Map.of("action", "ACKNOWLEDGE",
                "note", "Claim is being corrected; the payer will reprocess it"));

        assertThat(elsewhere.status()).isEqualTo(422);
        assertThat(elsewhere.json().get("errors").get(0).get("field").asText()).isEqualTo("action");
        assertThat(fixture.status(other)).isEqualTo("SUBMITTED");
        assertThat(withoutNote.status()).isEqualTo(422);
        assertThat(withoutNote.json().get("errors").get(0).get("field").asText()).isEqualTo("note");
        assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(200);
        assertThat(acknowledged.json().get("status").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.json().get("resolvedBy").asText()).isEqualTo("biller");
        assertThat(acknowledged.json().get("actions")).isEmpty();
        assertThat(fixture.status(number)).isEqualTo("DRAFT");
    }

    @Test
    void anUnknownExceptionIsNotFound() {
        assertThat(biller().get("/api/remittance-exceptions/987654321").status()).isEqualTo(404);
        assertThat(resolve(987654321L, Map.of("action", "ACKNOWLEDGE", "note", "x")).status()).isEqualTo(404);
    }

    private static ClaimPayment payment(String number) {
        return claim(number, "1", "135", "100", null, "ICN-" + number, List.of(),
                line("99213", "135", "100", null, List.of(), cas("CO", "45", "35")));
    }

    private Api biller() {
        return Api.as(port, "biller");
    }

    private JsonNode task(String businessKey) {
        JsonNode content = biller().get("/api/tasks?view=group&size=50&businessKey=" + businessKey).json().get("content");
        assertThat(content).as("a task for " + businessKey).hasSize(1);
        return content.get(0);
    }

    private void claimTask(JsonNode task) {
        Api.Response claimed = biller().post("/api/tasks/" + task.get("id").asText() + "/claim", "");
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
    }

    private Api.Response resolve(long exceptionId, Map<String, Object> body) {
        return biller().post("/api/remittance-exceptions/" + exceptionId + "/resolve", body);
    }
}
