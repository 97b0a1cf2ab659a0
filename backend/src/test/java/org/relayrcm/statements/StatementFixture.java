package org.relayrcm.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Seeds paid claims with SQL and drives the statement cycle: billing through a one-task process that calls
 * billPatientDelegate as claim-submission's Task_BillPatient does, firing due timers, reading PDFs.
 */
final class StatementFixture {

    static final String BILL_PATIENT_PROCESS = "bill-patient-it";

    /** A paid claim: two lines, $200.00 charged, $120.00 paid by insurance, $40.00 left to the patient. */
    record PaidClaim(long claimId, String claimNumber, String patientFirstName, String patientLastName) {
    }

    private final int port;
    private final JdbcTemplate jdbc;
    private final RuntimeService runtime;
    private final ManagementService management;

    StatementFixture(int port, JdbcTemplate jdbc, RuntimeService runtime, ManagementService management,
            RepositoryService repository) {
        this.port = port;
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.management = management;
        deployBillPatient(repository);
    }

    private static void deployBillPatient(RepositoryService repository) {
        if (repository.createProcessDefinitionQuery().processDefinitionKey(BILL_PATIENT_PROCESS).count() > 0) {
            return;
        }
        BpmnModelInstance model = Bpmn.createExecutableProcess(BILL_PATIENT_PROCESS).camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("Task_BillPatient").camundaDelegateExpression("${billPatientDelegate}")
                .endEvent()
                .done();
        repository.createDeployment().name("PatientStatementsIT").addModelInstance(BILL_PATIENT_PROCESS + ".bpmn", model)
                .deploy();
    }

    PaidClaim paidClaim() {
        String suffix = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
        String claimNumber = "RC" + suffix;
        String lastName = "Statementson" + suffix.substring(6);
        OffsetDateTime now = OffsetDateTime.now();
        LocalDate dateOfService = LocalDate.now().minusDays(20);
        jdbc.update("INSERT INTO payer (payer_code, name) VALUES ('ITPAYER', 'Integration Health Plan') ON CONFLICT DO NOTHING");
        long payerId = jdbc.queryForObject("SELECT id FROM payer WHERE payer_code = 'ITPAYER'", Long.class);
        long patientId = jdbc.queryForObject("""
                INSERT INTO patient (mrn, first_name, last_name, birth_date, sex, address_line, city, state, postal_code)
                VALUES (?, 'Ada', ?, DATE '1971-04-02', 'F', '7 Orchard Lane', 'Springfield', 'IL', '627040001')
                RETURNING id""", Long.class, "MRN-ST-" + suffix, lastName);
        long encounterId = jdbc.queryForObject("""
                INSERT INTO encounter (encounter_number, patient_id, date_of_service, documentation, received_at)
                VALUES (?, ?, ?, 'Office visit and right knee injection.', ?) RETURNING id""",
                Long.class, "E-ST-" + suffix, patientId, dateOfService, now);
        long claimId = jdbc.queryForObject("""
                INSERT INTO claim (claim_number, encounter_id, payer_id, status, total_charge_cents, paid_cents,
                                   patient_resp_cents, date_of_service, place_of_service, created_at, updated_at)
                VALUES (?, ?, ?, 'PAID', 20000, 12000, 4000, ?, '11', ?, ?) RETURNING id""",
                Long.class, claimNumber, encounterId, payerId, dateOfService, now, now);
        jdbc.update("""
                INSERT INTO claim_line (claim_id, line_number, procedure_code, modifiers, units, charge_cents,
                                        diagnosis_pointers, paid_cents)
                VALUES (?, 1, '99213', '25', 1, 15000, '1', 9000), (?, 2, 'J3301', '', 2, 5000, '1', 3000)""",
                claimId, claimId);
        return new PaidClaim(claimId, claimNumber, "Ada", lastName);
    }

    /** Runs Task_BillPatient with the variables claim-submission hands it. */
    void billPatient(String claimNumber, Long patientShareCents, Boolean forwardedToNextPayer) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("claimNumber", claimNumber);
        variables.put("patientShareCents", patientShareCents);
        variables.put("forwardedToNextPayer", forwardedToNextPayer);
        runtime.startProcessInstanceByKey(BILL_PATIENT_PROCESS, claimNumber, variables);
    }

    Long statementId(String claimNumber) {
        return jdbc.query("""
                SELECT s.id FROM patient_statement s JOIN claim c ON c.id = s.claim_id WHERE c.claim_number = ?""",
                rs -> rs.next() ? rs.getLong(1) : null, claimNumber);
    }

    ProcessInstance cycle(String claimNumber) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(claimNumber + "-PS").singleResult();
    }

    /** Waits until the job executor has sent the notice of this kind in the account's current cycle. */
    void awaitNotice(long statementId, String kind) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.queryForObject("""
                SELECT COUNT(*) FROM statement_notice n JOIN patient_statement s ON s.id = n.statement_id
                WHERE s.id = ? AND n.kind = ? AND n.cycle_number = s.cycle_number""",
                Long.class, statementId, kind) == 1);
    }

    /** The days of waiting pass: fires the cycle's timer as if it were due. */
    void fireTimer(String claimNumber, String timerId) {
        Job timer = await().atMost(Duration.ofSeconds(30)).until(() -> management.createJobQuery().timers()
                .processInstanceId(cycle(claimNumber).getId()).activityId(timerId).singleResult(), job -> job != null);
        management.executeJob(timer.getId());
    }

    HttpResponse<byte[]> pdf(String user, long statementId) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/statements/"
                + statementId + "/pdf")).header("Authorization", "Basic " + basic).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        assertThat(n).isNotNull();
        return n;
    }
}
