package org.relayrcm.statements;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relayrcm.statements.StatementFixture.PaidClaim;
import org.relayrcm.testing.Api;
import org.relayrcm.testing.RelayFixture;
import org.relayrcm.testing.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/** A patient's share from billing to the last payment or the manager's decision, over HTTP on PostgreSQL. */
@RelayIntegrationTest
class PatientStatementsIT {

    private static final long SHARE = 4000;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    RepositoryService repository;
    @Autowired
    HistoryService history;
    RelayFixture relay;
    StatementFixture statements;

    @BeforeEach
    void setUp() {
        relay = new RelayFixture(port, jdbc);
        statements = new StatementFixture(port, jdbc, runtime, management, repository);
    }

    @Test
    void opensOneAccountAndOneCycleEvenWhenThePatientIsBilledTwice() {
        PaidClaim claim = statements.paidClaim();

        statements.billPatient(claim.claimNumber(), SHARE, false);
        statements.billPatient(claim.claimNumber(), SHARE, null);

        Long statementId = statements.statementId(claim.claimNumber());
        assertThat(statementId).isNotNull();
        assertThat(statements.count("SELECT COUNT(*) FROM patient_statement WHERE claim_id = ?", claim.claimId()))
                .isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("patient-statement")
                .processInstanceBusinessKey(claim.claimNumber() + "-PS").count()).isEqualTo(1);
        statements.awaitNotice(statementId, "FIRST");
        assertThat(statements.count("SELECT COUNT(*) FROM statement_notice WHERE statement_id = ?", statementId))
                .isEqualTo(1);
        List<HistoricVariableInstance> variables = history.createHistoricVariableInstanceQuery()
                .processInstanceId(statements.cycle(claim.claimNumber()).getId()).list();
        assertThat(variables).extracting(HistoricVariableInstance::getName)
                .containsOnly("claimNumber", "statementId", "noticeKind");
        assertThat(variables).extracting(v -> String.valueOf(v.getValue()))
                .noneMatch(value -> value.contains(claim.patientLastName()));
    }

    @Test
    void billsNothingWhenInsuranceLeftNoShareOrForwardedItToTheNextPayer() {
        PaidClaim nothingLeft = statements.paidClaim();
        PaidClaim noShareGiven = statements.paidClaim();
        PaidClaim forwarded = statements.paidClaim();

        statements.billPatient(nothingLeft.claimNumber(), 0L, false);
        statements.billPatient(noShareGiven.claimNumber(), null, null);
        statements.billPatient(forwarded.claimNumber(), SHARE, true);

        assertThat(statements.statementId(nothingLeft.claimNumber())).isNull();
        assertThat(statements.statementId(noShareGiven.claimNumber())).isNull();
        assertThat(statements.statementId(forwarded.claimNumber())).isNull();
        assertThat(statements.cycle(forwarded.claimNumber())).isNull();
    }

    @Test
    void printsTheServicesWhatInsurancePaidAndTheAmountDue() throws Exception {
        PaidClaim claim = statements.paidClaim();
        long id = billed(claim);

        HttpResponse<byte[]> pdf = statements.pdf("biller", id);

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).doesNotContain(claim.patientLastName());
        String text = StatementFixture.text(pdf.body());
        assertThat(text).contains("Patient statement", claim.claimNumber(), "Ada " + claim.patientLastName(),
                "7 Orchard Lane", "Springfield, IL 62704-0001", "99213-25", "$150.00", "J3301 x2",
                "triamcinolone acetonide", "Paid by Integration Health Plan -$120.00",
                "Adjusted by Integration Health Plan -$40.00", "Amount due $40.00");
        assertThat(statements.count("SELECT COUNT(*) FROM phi_access WHERE resource_type = 'STATEMENT' "
                + "AND resource_id = ? AND user_id = 'biller'", id)).isEqualTo(1);
    }

    @Test
    void listsOpenAccountsWithTheirBalanceAndNextNotice() {
        PaidClaim claim = statements.paidClaim();
        long id = billed(claim);

        JsonNode page = relay.as("manager").get("/api/statements?status=OPEN&size=200").json();
        JsonNode row = null;
        for (JsonNode r : page.get("content")) {
            row = r.get("id").asLong() == id ? r : row;
        }

        assertThat(row).as("the new account on the first page of open accounts").isNotNull();
        assertThat(row.get("claimNumber").asText()).isEqualTo(claim.claimNumber());
        assertThat(row.get("balanceCents").asLong()).isEqualTo(SHARE);
        assertThat(row.get("lastNotice").asText()).isEqualTo("FIRST");
        assertThat(row.get("nextStep").asText()).isEqualTo("REMINDER");
        assertThat(row.get("nextStepDue").asText()).isEqualTo(LocalDate.now().plusDays(30).toString());
        assertThat(relay.as("biller").get("/api/statements?status=NOT_A_STATUS").status()).isEqualTo(400);
    }

    @Test
    void keepsTheCycleGoingAfterAPartialPaymentAndEndsItWithTheSettlingOne() {
        PaidClaim claim = statements.paidClaim();
        long id = billed(claim);

        Api.Response partial = relay.as("biller").post("/api/statements/" + id + "/payments", payment(1500));

        assertThat(partial.status()).as(partial.body()).isEqualTo(200);
        assertThat(partial.json().get("balanceCents").asLong()).isEqualTo(2500);
        assertThat(partial.json().get("payments").get(0).get("recordedBy").asText()).isEqualTo("biller");
        statements.fireTimer(claim.claimNumber(), "Timer_ReminderDue");
        statements.awaitNotice(id, "REMINDER");
        assertThat(statements.count("SELECT amount_due_cents FROM statement_notice WHERE statement_id = ? "
                + "AND kind = 'REMINDER'", id)).isEqualTo(2500);

        Api.Response settled = relay.as("biller").post("/api/statements/" + id + "/payments", payment(2500));

        assertThat(settled.status()).as(settled.body()).isEqualTo(200);
        assertThat(settled.json().get("status").asText()).isEqualTo("PAID");
        assertThat(settled.json().get("balanceCents").asLong()).isZero();
        assertThat(statements.cycle(claim.claimNumber())).as("the cycle ended").isNull();
        assertThat(history.createHistoricActivityInstanceQuery().activityId("EndEvent_BalanceSettled")
                .processInstanceId(history.createHistoricProcessInstanceQuery()
                        .processInstanceBusinessKey(claim.claimNumber() + "-PS").singleResult().getId())
                .count()).isEqualTo(1);
        assertThat(relay.as("biller").post("/api/statements/" + id + "/payments", payment(100)).status())
                .as("a paid account takes no more payments").isEqualTo(409);
    }

    @Test
    void refusesAnOverpaymentAndBadPaymentsWithoutChangingAnything() {
        PaidClaim claim = statements.paidClaim();
        long id = billed(claim);
        String path = "/api/statements/" + id + "/payments";

        Api.Response over = relay.as("biller").post(path, payment(SHARE + 1));

        assertThat(over.status()).isEqualTo(422);
        assertThat(over.json().get("detail").asText()).contains("$40.01", "balance of $40.00");
        assertThat(over.json().get("errors").get(0).get("field").asText()).isEqualTo("amountCents");
        assertThat(relay.as("biller").post(path, payment(0)).status()).isEqualTo(422);
        assertThat(relay.as("biller").post(path, payment(-5)).status()).isEqualTo(422);
        assertThat(relay.as("biller").post(path, Map.of("amountCents", 100, "method", "CARD",
                "receivedOn", LocalDate.now().plusDays(1).toString())).status()).isEqualTo(422);
        assertThat(relay.as("biller").post(path, Map.of("amountCents", 100, "method", "BITCOIN",
                "receivedOn", LocalDate.now().toString())).status()).isEqualTo(400);
        assertThat(relay.as("biller").post(path, Map.of("amountCents", "forty", "method", "CASH",
                "receivedOn", LocalDate.now().toString())).status()).isEqualTo(400);
        assertThat(relay.as("biller").post(path, Map.of("method", "CASH")).status()).isEqualTo(400);
        assertThat(relay.as("biller").post("/api/statements/999999999/payments", payment(100)).status())
                .isEqualTo(404);

        assertThat(statements.count("SELECT COUNT(*) FROM patient_payment WHERE statement_id = ?", id)).isZero();
        assertThat(statements.cycle(claim.claimNumber())).as("the cycle goes on").isNotNull();
    }

    @Test
    void keepsStatementsFromRolesOutsideBillingAndPaymentsWithTheBiller() {
        PaidClaim claim = statements.paidClaim();
        long id = billed(claim);
        String base = "/api/statements/" + id;

        // Outside their role /api answers 404 (README: ids cannot be probed), for reads and writes alike.
        assertThat(relay.as("coder").get("/api/statements").status()).isEqualTo(404);
        assertThat(relay.as("coder").get(base).status()).isEqualTo(404);
        assertThat(relay.as("coder").get(base + "/pdf").status()).isEqualTo(404);
        assertThat(relay.as("coder").post(base + "/payments", payment(100)).status()).isEqualTo(404);
        assertThat(relay.as("coder").post(base + "/review", Map.of("decision", "WRITE_OFF")).status()).isEqualTo(404);
        assertThat(Api.anonymous(port).get(base).status()).isEqualTo(401);

        Api.Response byManager = relay.as("manager").post(base + "/payments", payment(100));
        assertThat(byManager.status()).isEqualTo(403);
        assertThat(byManager.json().get("detail").asText()).contains("Only a biller");
        assertThat(statements.count("SELECT COUNT(*) FROM patient_payment WHERE statement_id = ?", id)).isZero();
    }

    @Test
    void aManagerHoldingTheReviewSendsAnUnpaidBalanceToCollections() {
        PaidClaim claim = statements.paidClaim();
        long id = billed(claim);
        unpaidThroughTheWholeCycle(claim, id);
        String review = "/api/statements/" + id + "/review";
        Map<String, Object> collections = Map.of("decision", "COLLECTIONS", "note", "No answer to three notices.");

        JsonNode task = relay.awaitTask("manager", "Task_ReviewPatientBalance", claim.claimNumber() + "-PS");
        assertThat(task.get("statementId").asLong()).isEqualTo(id);
        assertThat(task.get("claimNumber").asText()).isEqualTo(claim.claimNumber());
        Api.Response byBiller = relay.as("biller").post(review, collections);
        assertThat(byBiller.status()).isEqualTo(403);
        assertThat(relay.as("manager").post(review, collections).status()).as("the task is not claimed yet")
                .isEqualTo(409);
        assertThat(relay.as("manager").post(review, Map.of("decision", "FORGET_IT")).status()).isEqualTo(400);
        assertThat(statements.count("SELECT COUNT(*) FROM statement_review WHERE statement_id = ?", id)).isZero();

        relay.claimTask("manager", "Task_ReviewPatientBalance", claim.claimNumber() + "-PS");
        Api.Response decided = relay.as("manager").post(review, collections);

        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.json().get("status").asText()).isEqualTo("COLLECTIONS");
        assertThat(decided.json().get("reviews").get(0).get("decidedBy").asText()).isEqualTo("manager");
        assertThat(statements.cycle(claim.claimNumber())).isNull();
        assertThat(relay.as("biller").post("/api/statements/" + id + "/payments", payment(SHARE)).status())
                .as("an agency's collection still settles the account").isEqualTo(200);
    }

    @Test
    void aManagerWhoKeepsBillingStartsANewCycleOfNotices() {
        PaidClaim claim = statements.paidClaim();
        long id = billed(claim);
        unpaidThroughTheWholeCycle(claim, id);
        relay.claimTask("manager", "Task_ReviewPatientBalance", claim.claimNumber() + "-PS");

        Api.Response decided = relay.as("manager").post("/api/statements/" + id + "/review",
                Map.of("decision", "KEEP_BILLING", "note", "Patient agreed to a payment plan."));

        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.json().get("cycleNumber").asInt()).isEqualTo(2);
        statements.awaitNotice(id, "FIRST");
        assertThat(statements.count("SELECT COUNT(*) FROM statement_notice WHERE statement_id = ?", id)).isEqualTo(4);
        assertThat(statements.cycle(claim.claimNumber())).isNotNull();
    }

    private long billed(PaidClaim claim) {
        statements.billPatient(claim.claimNumber(), SHARE, false);
        long id = statements.statementId(claim.claimNumber());
        statements.awaitNotice(id, "FIRST");
        return id;
    }

    private void unpaidThroughTheWholeCycle(PaidClaim claim, long id) {
        statements.fireTimer(claim.claimNumber(), "Timer_ReminderDue");
        statements.awaitNotice(id, "REMINDER");
        statements.fireTimer(claim.claimNumber(), "Timer_FinalNoticeDue");
        statements.awaitNotice(id, "FINAL");
        statements.fireTimer(claim.claimNumber(), "Timer_ReviewDue");
    }

    private static Map<String, Object> payment(long cents) {
        return Map.of("amountCents", cents, "method", "CARD", "reference", "AUTH-" + cents,
                "receivedOn", LocalDate.now().toString());
    }
}
