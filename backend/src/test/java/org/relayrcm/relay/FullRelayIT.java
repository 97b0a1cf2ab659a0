package org.relayrcm.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relayrcm.testing.Api;
import org.relayrcm.testing.RelayFixture;
import org.relayrcm.testing.RelayIntegrationTest;
import org.relayrcm.testing.SubmissionFaults;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import org.relayrcm.edi.Claim837IReader;
import org.relayrcm.edi.ClaimFileValidator;
import org.relayrcm.edi.InstitutionalClaim;
import org.relayrcm.edi.InstitutionalServiceLine;

import com.imsweb.x12.Loop;
import com.imsweb.x12.reader.X12Reader;

/**
 * Whole encounters over HTTP on PostgreSQL: coding, the scrubber, the 837 in the outbox, the payer simulator's 999,
 * 277CA and 835 through the clearinghouse inbox, and fix, payment or denial work.
 */
@RelayIntegrationTest
class FullRelayIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;
    @Value("${relay.clearinghouse.outbox}")
    Path outbox;
    RelayFixture relay;

    @BeforeEach
    void setUp() {
        relay = new RelayFixture(port, jdbc);
    }

    @Test
    void aCleanClaimClimbsTheAcknowledgementLadderWithNoHumanTouchAndIsPaid() throws Exception {
        String encounter = RelayFixture.uniqueNumber("PAY");
        long caseId = relay.receive(encounter);
        relay.code(caseId, encounter, List.of("RT"));
        String claimNumber = relay.awaitClaimNumber(encounter);

        relay.awaitClaimStatus(claimNumber, "PAID");

        long claimId = claimId(claimNumber);
        JsonNode claim = relay.as("biller").get("/api/claims/" + claimId).json();
        assertThat(claim.get("totalChargeCents").asLong()).isEqualTo(13500 + 17500);
        assertThat(claim.get("paidCents").asLong()).isEqualTo((13500 + 17500) * 80 / 100);
        assertThat(claim.get("lines").findValuesAsText("paidCents")).containsExactly("10800", "14000");
        assertThat(claim.get("submissions")).hasSize(1);
        assertThat(claim.get("findings")).isEmpty();
        assertThat(claim.get("acknowledgements").findValuesAsText("kind")).containsExactly("999", "277CA");
        assertThat(claim.get("acknowledgements").findValuesAsText("accepted")).containsOnly("true");
        assertThat(filesOf(claimNumber)).hasSize(1).allMatch(n -> n.matches(claimNumber + "-1-[0-9a-f]{8}\\.837"));
        assertReadsBackIndependently(outbox.resolve(filesOf(claimNumber).get(0)), claimNumber, "310");
        assertThat(jdbc.queryForObject("SELECT outcome FROM remittance_claim WHERE claim_number = ?", String.class,
                claimNumber)).isEqualTo("PAID");

        HistoricProcessInstance submission = awaitEnded(claimNumber);
        assertThat(submission.getEndActivityId()).isEqualTo("EndEvent_ClaimPaid");
        assertThat(completedActivities(submission.getId())).containsSubsequence("Task_ScrubClaim", "Task_SubmitClaim",
                "Receive_FunctionalAck", "Receive_ClaimAck", "Receive_Remittance", "EndEvent_ClaimPaid");
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(submission.getId()).count())
                .as("tasks for people on a clean claim's way").isZero();
        HistoricProcessInstance revenueCycle = awaitEnded(encounter);
        assertThat(revenueCycle.getEndActivityId()).isEqualTo("EndEvent_EncounterBilled");
        assertThat(completedActivities(revenueCycle.getId())).contains("Task_CodeEncounter", "Task_BuildClaims");
    }

    @Test
    void aPaidClaimIsCorrectedAndSentOnceAsAReplacementQuotingThePayersNumber() throws Exception {
        String encounter = RelayFixture.uniqueNumber("RPL");
        long caseId = relay.receive(encounter);
        relay.code(caseId, encounter, List.of("RT"));
        String claimNumber = relay.awaitClaimNumber(encounter);
        relay.awaitClaimStatus(claimNumber, "PAID");
        awaitEnded(claimNumber);
        long claimId = claimId(claimNumber);
        String payerNumber = jdbc.queryForObject("SELECT payer_claim_control FROM claim WHERE id = ?", String.class, claimId);

        // The injection was bilateral-staged: two units of 20610, not one.
        Api.Response replaced = relay.as("biller").post("/api/claims/" + claimId + "/replace", Map.of(
                "note", "Second injection documented in the addendum",
                "lineCorrections", List.of(Map.of("lineNumber", 2, "modifiers", List.of("RT"), "units", 2))));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        Api.Response twice = relay.as("biller").post("/api/claims/" + claimId + "/replace", Map.of(
                "lineCorrections", List.of(Map.of("lineNumber", 2, "modifiers", List.of("RT"), "units", 2))));
        assertThat(twice.status()).as("a claim being corrected is not paid: no second replacement").isEqualTo(409);

        await().atMost(Duration.ofSeconds(60)).until(() -> filesOf(claimNumber).size() == 2
                && "PAID".equals(jdbc.queryForObject("SELECT status FROM claim WHERE id = ?", String.class, claimId)));
        String replacement = Files.readString(outbox.resolve(filesOf(claimNumber).get(1)));
        assertThat(replacement).containsPattern("CLM\\*" + claimNumber + "\\*485\\*\\*\\*11:B:7")
                .contains("REF*F8*" + payerNumber + "~").contains("SV1*HC:20610:RT*350*UN*2*");
        assertThat(jdbc.queryForObject("SELECT paid_cents FROM claim WHERE id = ?", Long.class, claimId))
                .isEqualTo(48500L * 80 / 100);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(claimNumber).count())
                .as("the correction ran in a claim-submission of its own").isEqualTo(2);
    }

    @Test
    void aPaidClaimIsVoidedOnceQuotingThePayersNumberAndClosedWhenThePayerAcceptsTheVoid() throws Exception {
        String encounter = RelayFixture.uniqueNumber("VOID");
        long caseId = relay.receive(encounter);
        relay.code(caseId, encounter, List.of("RT"));
        String claimNumber = relay.awaitClaimNumber(encounter);
        relay.awaitClaimStatus(claimNumber, "PAID");
        awaitEnded(claimNumber);
        long claimId = claimId(claimNumber);
        String payerNumber = jdbc.queryForObject("SELECT payer_claim_control FROM claim WHERE id = ?", String.class, claimId);

        Api.Response voided = relay.as("biller").post("/api/claims/" + claimId + "/void", "{}");
        assertThat(voided.status()).as(voided.body()).isEqualTo(200);

        relay.awaitClaimStatus(claimNumber, "VOIDED");
        assertThat(filesOf(claimNumber)).hasSize(2);
        assertThat(Files.readString(outbox.resolve(filesOf(claimNumber).get(1))))
                .containsPattern("CLM\\*" + claimNumber + "\\*310\\*\\*\\*11:B:8").contains("REF*F8*" + payerNumber + "~");
        assertThat(relay.as("biller").post("/api/claims/" + claimId + "/void", "{}").status()).isEqualTo(409);
        await().atMost(Duration.ofSeconds(30)).until(() -> history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(claimNumber).finished().list().stream()
                .anyMatch(p -> "EndEvent_ClaimVoided".equals(p.getEndActivityId())));
    }

    @Test
    void aHospitalOutpatientStayGoesOutAsAn837IAndIsPaid() throws Exception {
        String claimNumber = hospitalOutpatientStay("INST", Map.of("typeCode", "13", "admissionType", "3",
                "admissionSource", "1", "patientStatus", "01"));

        relay.awaitClaimStatus(claimNumber, "PAID");

        String file = Files.readString(outbox.resolve(filesOf(claimNumber).get(0)));
        assertThat(file).contains("*005010X223A2~").containsPattern("CLM\\*" + claimNumber + "\\*310\\*\\*\\*13:A:1")
                .contains("NM1*71*1*Morgan*James****XX*1609458272~").contains("SV2*0510*HC:99213:25*");
        List<InstitutionalClaim> readBack = new Claim837IReader().read(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)));
        assertThat(readBack).singleElement().satisfies(c -> {
            assertThat(c.claim().claimNumber()).isEqualTo(claimNumber);
            assertThat(c.claim().facilityTypeCode()).isEqualTo("13");
            assertThat(c.claim().lines()).extracting(InstitutionalServiceLine::procedureCode).containsExactly("99213", "20610");
        });
        assertThat(new ClaimFileValidator().validate(file.getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(claimNumber).count())
                .as("tasks for people on a clean institutional claim's way").isZero();
    }

    @Test
    void anInstitutionalClaimMissingItsAdmissionTypeIsHeldFixedByTheBillerAndPaid() throws Exception {
        String claimNumber = hospitalOutpatientStay("INSF", Map.of("typeCode", "13", "admissionSource", "1",
                "patientStatus", "01"));

        relay.claimTask("biller", "Task_FixClaim", claimNumber);
        long claimId = claimId(claimNumber);
        JsonNode held = relay.as("biller").get("/api/claims/" + claimId).json();
        assertThat(held.get("claimType").asText()).isEqualTo("INSTITUTIONAL");
        assertThat(held.get("findings").findValuesAsText("ruleId")).containsExactly("INSTITUTIONAL-ADMISSION-TYPE");
        Api.Response fixed = relay.as("biller").post("/api/claims/" + claimId + "/fix",
                Map.of("facility", Map.of("admissionType", "3")));
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(200);

        relay.awaitClaimStatus(claimNumber, "PAID");
        assertThat(Files.readString(outbox.resolve(filesOf(claimNumber).get(0)))).contains("CL1*3*1*01~");
    }

    @Test
    void aClaimTheScrubberHoldsWaitsForTheBillersFixThenGoesOutAndIsPaid() throws Exception {
        String encounter = RelayFixture.uniqueNumber("FIX");
        long caseId = relay.receive(encounter);
        relay.code(caseId, encounter, List.of());
        String claimNumber = relay.awaitClaimNumber(encounter);

        relay.claimTask("biller", "Task_FixClaim", claimNumber);
        long claimId = claimId(claimNumber);
        JsonNode held = relay.as("biller").get("/api/claims/" + claimId).json();
        assertThat(held.get("status").asText()).isEqualTo("DRAFT");
        JsonNode finding = held.get("findings").get(0);
        assertThat(finding.get("ruleId").asText()).isEqualTo("PAYER-LATERALITY");
        assertThat(finding.get("lineNumber").asInt()).isEqualTo(2);
        assertThat(finding.get("message").asText()).contains("20610");
        assertThat(finding.get("fix").asText()).isNotBlank();
        assertThat(filesOf(claimNumber)).as("nothing leaves while the claim is held").isEmpty();

        Api.Response fixed = relay.as("biller").post("/api/claims/" + claimId + "/fix", Map.of(
                "note", "Right knee per the note",
                "lineCorrections", List.of(Map.of("lineNumber", 2, "modifiers", List.of("RT")))));
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(200);

        relay.awaitClaimStatus(claimNumber, "PAID");
        assertThat(filesOf(claimNumber)).hasSize(1);
        assertThat(Files.readString(outbox.resolve(filesOf(claimNumber).get(0)))).contains("SV1*HC:20610:RT*");
        assertThat(relay.as("biller").get("/api/claims/" + claimId).json().get("findings")).isEmpty();
        assertThat(completedActivities(awaitEnded(claimNumber).getId()).stream().filter("Task_ScrubClaim"::equals))
                .hasSize(2);
    }

    @Test
    void aClaimThe277CARejectsGoesBackToTheBillerAndTheCorrectedOneIsSentAgainAndPaid() throws Exception {
        String encounter = RelayFixture.uniqueNumber("REJ");
        Map<String, Object> body = RelayFixture.encounter(encounter);
        // The IT payer's front end does not know this member (application-it.yml).
        body.put("coverage", Map.of("payerCode", "ITPAYER", "memberId", "MREJECTED01"));
        Api.Response received = relay.as("ehr").post("/api/encounters", body);
        relay.code(received.json().get("codingCaseId").asLong(), encounter, List.of("RT"));
        String claimNumber = relay.awaitClaimNumber(encounter);

        relay.awaitClaimStatus(claimNumber, "REJECTED");
        relay.claimTask("biller", "Task_FixClaim", claimNumber);
        long claimId = claimId(claimNumber);
        JsonNode rejected = relay.as("biller").get("/api/claims/" + claimId).json();
        JsonNode answer = rejected.get("acknowledgements").get(1);
        assertThat(answer.get("kind").asText()).isEqualTo("277CA");
        assertThat(answer.get("accepted").asBoolean()).isFalse();
        assertThat(answer.get("statusCodes").asText()).startsWith("A7:");
        assertThat(answer.get("message").asText()).contains("rejected for invalid information");

        Api.Response fixed = relay.as("biller").post("/api/claims/" + claimId + "/fix",
                Map.of("memberId", "MFIXED0001", "note", "Member id from the new card"));
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(200);

        relay.awaitClaimStatus(claimNumber, "PAID");
        List<String> files = filesOf(claimNumber);
        assertThat(files).hasSize(2);
        String resent = Files.readString(outbox.resolve(files.get(1)));
        // Never adjudicated, so not a replacement: the corrected claim goes out as an original again.
        assertThat(resent).contains("*MI*MFIXED0001~").containsPattern("CLM\\*" + claimNumber + "\\*310\\*\\*\\*11:B:1")
                .doesNotContain("REF*F8*");
        JsonNode paid = relay.as("biller").get("/api/claims/" + claimId).json();
        assertThat(paid.get("acknowledgements").findValuesAsText("accepted"))
                .containsExactly("true", "false", "true", "true");
    }

    @Test
    void aFixWithAPointerOutsideTheDiagnosesIsRefusedAndChangesNothing() {
        String encounter = RelayFixture.uniqueNumber("FXB");
        long caseId = relay.receive(encounter);
        relay.code(caseId, encounter, List.of());
        String claimNumber = relay.awaitClaimNumber(encounter);
        relay.claimTask("biller", "Task_FixClaim", claimNumber);
        long claimId = claimId(claimNumber);

        Api.Response refused = relay.as("biller").post("/api/claims/" + claimId + "/fix", Map.of(
                "lineCorrections", List.of(Map.of("lineNumber", 2, "modifiers", List.of("RT"), "diagnosisPointers", List.of(7)))));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("ruleId").asText()).isEqualTo("CODING-POINTER-RANGE");
        assertThat(jdbc.queryForObject("SELECT modifiers FROM claim_line WHERE claim_id = ? AND line_number = 2",
                String.class, claimId)).isEmpty();
        assertThat(relay.findTask("biller", "Task_FixClaim", claimNumber)).as("the task stays open").isNotNull();
    }

    @Test
    void aCodingDenialGoesToACoderWhoseCorrectionIsScrubbedResubmittedOnceAsAReplacementAndPaid() throws Exception {
        String encounter = RelayFixture.uniqueNumber("DEN");
        long caseId = relay.receive(encounter);
        relay.code(caseId, encounter, RelayFixture.therapyCodes(List.of()));
        String claimNumber = relay.awaitClaimNumber(encounter);
        long claimId = claimId(claimNumber);

        relay.awaitClaimStatus(claimNumber, "DENIED");
        assertThat(relay.findTask("biller", "Task_WorkDenial", claimNumber)).as("not the biller's to fix").isNull();
        JsonNode task = relay.claimTask("coder", "Task_RecodeDenial", claimNumber);
        long denialId = task.get("denialId").asLong();
        JsonNode denial = relay.as("coder").get("/api/denials/" + denialId).json();
        assertThat(denial.get("route").asText()).isEqualTo("RECODE");
        assertThat(denial.get("items").findValuesAsText("reasonCode")).contains("4");
        assertThat(denial.get("items").findValuesAsText("remarkCodes")).isNotEmpty();

        Api.Response unknownCode = relay.as("coder").post("/api/denials/" + denialId + "/recode", Map.of(
                "lineCorrections", List.of(Map.of("lineNumber", 2, "procedureCode", "9711X", "modifiers", List.of("GP")))));
        assertThat(unknownCode.status()).isEqualTo(422);
        assertThat(unknownCode.body()).contains("lineCorrections[0].procedureCode");
        assertThat(jdbc.queryForObject("SELECT modifiers FROM claim_line WHERE claim_id = ? AND line_number = 2",
                String.class, claimId)).as("nothing changed").isEmpty();

        Api.Response recoded = relay.as("coder").post("/api/denials/" + denialId + "/recode", Map.of(
                "note", "Therapy under a PT plan of care: GP",
                "lineCorrections", List.of(Map.of("lineNumber", 2, "modifiers", List.of("GP")))));
        assertThat(recoded.status()).as(recoded.body()).isEqualTo(200);
        assertThat(relay.as("coder").get("/api/denials/" + denialId).status())
                .as("once recoded, the denial is no longer the coder's to read").isEqualTo(404);

        relay.awaitClaimStatus(claimNumber, "PAID");
        List<String> files = filesOf(claimNumber);
        assertThat(files).hasSize(2);
        assertThat(files.get(0)).startsWith(claimNumber + "-1-");
        assertThat(files.get(1)).startsWith(claimNumber + "-2-");
        String resubmission = Files.readString(outbox.resolve(files.get(1)));
        assertThat(resubmission).contains("SV1*HC:97110:GP*").containsPattern("CLM\\*" + claimNumber + "\\*305\\*\\*\\*11:B:7")
                .contains("REF*F8*");
        assertReadsBackIndependently(outbox.resolve(files.get(1)), claimNumber, "305");
        assertThat(jdbc.queryForList("SELECT DISTINCT status FROM denial WHERE claim_id = ?", String.class, claimId))
                .containsExactly("RESUBMITTED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM claim_submission WHERE claim_id = ?", Long.class, claimId))
                .isEqualTo(2);

        HistoricProcessInstance submission = awaitEnded(claimNumber);
        assertThat(submission.getEndActivityId()).isEqualTo("EndEvent_ClaimPaid");
        List<String> activities = completedActivities(submission.getId());
        assertThat(activities.stream().filter("Task_SubmitClaim"::equals)).hasSize(2);
        assertThat(activities.stream().filter("Task_ScrubClaim"::equals)).hasSize(2);
        assertThat(activities).contains("Task_RecodeDenial").doesNotContain("Task_WorkDenial");
    }

    @Test
    void aSubmissionRetriedAfterAFailureLeavesExactlyOneFile() throws Exception {
        String encounter = RelayFixture.uniqueNumber("RTY");
        long caseId = relay.receive(encounter);
        new SubmissionFaults(jdbc).failFirstAttempt(encounter);
        relay.code(caseId, encounter, List.of("RT"));
        String claimNumber = relay.awaitClaimNumber(encounter);

        String submission = await().atMost(Duration.ofSeconds(30)).until(() -> runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(claimNumber).singleResult(), p -> p != null).getId();
        Job failed = await().atMost(Duration.ofSeconds(30)).until(() -> management.createJobQuery()
                .processInstanceId(submission).withException().singleResult(), j -> j != null);
        assertThat(failed.getRetries()).as("five backed-off retries left after the first failure").isEqualTo(5);
        // The file is handed over only after the submission commits: the rolled-back attempt left none.
        assertThat(filesOf(claimNumber)).isEmpty();
        management.setJobDuedate(failed.getId(), new Date());

        relay.awaitClaimStatus(claimNumber, "PAID");
        long claimId = claimId(claimNumber);
        List<String> written = filesOf(claimNumber);
        assertThat(written).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT payload FROM claim_submission WHERE claim_id = ?", String.class, claimId))
                .isEqualTo(Files.readString(outbox.resolve(written.get(0))));
        assertThat(jdbc.queryForObject("SELECT delivered_at IS NOT NULL FROM claim_submission WHERE claim_id = ?",
                Boolean.class, claimId)).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM remittance_claim WHERE claim_number = ?", Long.class,
                claimNumber)).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT kind FROM claim_acknowledgement WHERE claim_id = ? ORDER BY id", String.class,
                claimId)).containsExactly("999", "277CA");
    }

    @Test
    void aMalformed835IsRefusedNamingTheSegmentAndPostsNothing() {
        long before = relay.count("remittance");
        String truncated = "ISA*00*          *00*          *ZZ*SIMPAYER       *ZZ*RELAYRCM       *261126*1200*^*00501*000000001*0*T*:~"
                + "GS*HP*SIMPAYER*RELAYRCM*20261126*1200*1*X*005010X221A1~ST*835*0001~BPR*I*abc*C*NON************20261126~";

        Api.Response response = relay.as("biller").postRaw("/api/remittances", "application/edi-x12",
                truncated.getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).contains("BPR");
        assertThat(relay.count("remittance")).isEqualTo(before);
    }

    /**
     * A hospital outpatient encounter for the institutional IT payer (837I, answered by the simulator), with the
     * attending physician and the given UB-04 facility fields, coded; returns its claim number.
     */
    private String hospitalOutpatientStay(String prefix, Map<String, String> facility) {
        jdbc.update("""
                INSERT INTO payer (payer_code, name, claim_type) VALUES ('ITINST', 'Integration Hospital Plan', 'INSTITUTIONAL')
                ON CONFLICT DO NOTHING""");
        String encounter = RelayFixture.uniqueNumber(prefix);
        Map<String, Object> body = RelayFixture.encounter(encounter);
        body.put("placeOfService", "22");
        body.put("coverage", Map.of("payerCode", "ITINST", "memberId", "H" + encounter.replace("-", "")));
        body.put("renderingProvider", Map.of("npi", "1609458272", "lastName", "Morgan", "firstName", "James",
                "taxonomyCode", "207P00000X"));
        body.put("facility", facility);
        Api.Response received = relay.as("ehr").post("/api/encounters", body);
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        relay.code(received.json().get("codingCaseId").asLong(), encounter, List.of("RT"));
        return relay.awaitClaimNumber(encounter);
    }

    private long claimId(String claimNumber) {
        return jdbc.queryForObject("SELECT id FROM claim WHERE claim_number = ?", Long.class, claimNumber);
    }

    private HistoricProcessInstance awaitEnded(String businessKey) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey).finished().singleResult(), p -> p != null);
    }

    private List<String> completedActivities(String processInstanceId) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).finished()
                .orderByHistoricActivityInstanceStartTime().asc().list().stream()
                .map(HistoricActivityInstance::getActivityId).toList();
    }

    private List<String> filesOf(String claimNumber) throws Exception {
        try (Stream<Path> files = Files.list(outbox)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(claimNumber + "-")).sorted().toList();
        }
    }

    /** imsweb's x12-parser, independent of our StAEDI writer, must read the file without errors. */
    private static void assertReadsBackIndependently(Path file, String claimNumber, String totalCharge) throws Exception {
        X12Reader reader = new X12Reader(X12Reader.FileType.ANSI837_5010_X222,
                new ByteArrayInputStream(Files.readAllBytes(file)));
        assertThat(reader.getFatalErrors()).isEmpty();
        assertThat(reader.getErrors()).isEmpty();
        Loop clm = reader.getLoops().get(0).findLoop("2300").get(0);
        assertThat(clm.getElement("CLM", "CLM01")).isEqualTo(claimNumber);
        assertThat(clm.getElement("CLM", "CLM02")).isEqualTo(totalCharge);
    }
}
