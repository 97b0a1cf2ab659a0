package org.relayrcm.claims.scrub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relayrcm.claims.scrub.ScrubFinding.Severity;
import org.relayrcm.edi.Npi;
import org.relayrcm.shared.ApiException;
import org.relayrcm.testing.RelayFixture;
import org.relayrcm.testing.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The scrubber on PostgreSQL with the real engine: a claim built through the relay passes; claims written
 * straight into the tables, each with one defect, are caught by the right rule; the payers' DMN table
 * fires through the Spring bean; and a second run replaces the first one's findings.
 */
@RelayIntegrationTest
class ClaimScrubberIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ClaimScrubber scrubber;
    @Autowired
    RepositoryService repository;

    RelayFixture relay;

    @BeforeEach
    void setUp() {
        relay = new RelayFixture(port, jdbc);
        jdbc.update("""
                INSERT INTO payer (payer_code, name, timely_filing_days) VALUES ('LHP01', 'Lakeside Health Plan', 90)
                ON CONFLICT DO NOTHING""");
        jdbc.update("""
                INSERT INTO payer (payer_code, name, timely_filing_days, claim_filing_indicator)
                VALUES ('ITMEDICARE', 'Integration Medicare', 365, 'MB') ON CONFLICT DO NOTHING""");
    }

    @Test
    void passesAClaimBuiltFromCleanCodesThroughTheRelay() {
        String encounter = RelayFixture.uniqueNumber("SCR");
        long caseId = relay.receive(encounter);
        relay.code(caseId, encounter, List.of("RT"));
        String claimNumber = relay.awaitClaimNumber(encounter);

        ScrubReport report = scrubber.scrub(claimNumber);

        assertThat(report.claimNumber()).isEqualTo(claimNumber);
        assertThat(report.findings()).isEmpty();
        assertThat(report.clean()).isTrue();
        assertThat(scrubber.latestFindings(claimNumber)).isEmpty();
    }

    @Test
    void passesTheCleanClaimWrittenStraightIntoTheTables() {
        String claim = new ClaimRows().insert();
        assertThat(scrubber.scrub(claim).findings()).isEmpty();
    }

    @Test
    void catchesAnImplausibleAddress() {
        ClaimRows rows = new ClaimRows();
        String claim = rows.insert();
        jdbc.update("UPDATE patient SET state = 'ZZ', postal_code = '6270' WHERE id = ?", rows.patientId);

        assertThat(ruleIds(scrubber.scrub(claim))).containsExactly("DEMOGRAPHICS-STATE", "DEMOGRAPHICS-ZIP");
    }

    @Test
    void catchesASubscriberMissingWhenThePatientIsADependent() {
        ClaimRows rows = new ClaimRows();
        String claim = rows.insert();
        jdbc.update("UPDATE coverage SET relationship = '19' WHERE id = ?", rows.coverageId);

        assertThat(ruleIds(scrubber.scrub(claim))).containsExactly("COVERAGE-SUBSCRIBER");

        jdbc.update("""
                UPDATE coverage SET subscriber_first_name = 'Pat', subscriber_last_name = 'Parent',
                       subscriber_birth_date = DATE '1960-02-03', subscriber_sex = 'M' WHERE id = ?""", rows.coverageId);
        assertThat(scrubber.scrub(claim).findings()).isEmpty();
    }

    @Test
    void catchesAClaimWithoutCoverage() {
        ClaimRows rows = new ClaimRows();
        String claim = rows.insert();
        jdbc.update("UPDATE claim SET coverage_id = NULL WHERE id = ?", rows.claimId);

        assertThat(ruleIds(scrubber.scrub(claim))).containsExactly("COVERAGE-MISSING");
    }

    @Test
    void checksTheRenderingProviderOfTheClaimOrElseOfTheEncounter() {
        ClaimRows rows = new ClaimRows();
        String claim = rows.insert();
        String npi = validNpi();
        long good = provider(npi);
        jdbc.update("UPDATE encounter SET rendering_provider_id = ? WHERE id = ?", good, rows.encounterId);
        assertThat(scrubber.scrub(claim).findings()).isEmpty();

        long typo = provider(npi.substring(0, 9) + ((npi.charAt(9) - '0' + 1) % 10));
        jdbc.update("UPDATE claim SET rendering_provider_id = ? WHERE id = ?", typo, rows.claimId);
        assertThat(ruleIds(scrubber.scrub(claim))).containsExactly("PROVIDER-RENDERING-NPI");
    }

    @Test
    void catchesCodesThatAreNotValidOnTheDateOfService() {
        ClaimRows rows = new ClaimRows();
        rows.diagnoses = List.of("M17", "I10");
        rows.lines = List.of(new ClaimRows.Line("99999", "25", "1,2"), new ClaimRows.Line("20610", "RT,ZQ", "1"));
        String claim = rows.insert();

        ScrubReport report = scrubber.scrub(claim);

        assertThat(ruleIds(report)).containsExactly("CODE-DIAGNOSIS-NOT-BILLABLE", "CODE-PROCEDURE-UNKNOWN",
                "CODE-MODIFIER-UNKNOWN");
        assertThat(report.findings().get(0).fix()).contains("M17.11");
        assertThat(report.findings().get(1).lineNumber()).isEqualTo(1);
        assertThat(report.findings().get(2).severity()).isEqualTo(Severity.WARNING);
        assertThat(report.clean()).isFalse();
    }

    @Test
    void catchesPointersToMissingDiagnosesAndAnUnusedPrincipalDiagnosis() {
        ClaimRows rows = new ClaimRows();
        rows.lines = List.of(new ClaimRows.Line("99213", "25", "2"), new ClaimRows.Line("20610", "RT", "3"));
        String claim = rows.insert();

        ScrubReport report = scrubber.scrub(claim);

        assertThat(report.findings()).extracting(ScrubFinding::ruleId, ScrubFinding::lineNumber)
                .containsExactly(tuple("POINTER-PRINCIPAL", null),
                        tuple("POINTER-RANGE", 2));
    }

    @Test
    void catchesTheSameServiceOnAnotherLiveClaimOfThePatient() {
        ClaimRows first = new ClaimRows();
        String firstClaim = first.insert();
        ClaimRows second = new ClaimRows();
        second.patientId = first.patientId;
        second.coverageId = first.coverageId;
        second.lines = List.of(new ClaimRows.Line("20610", "RT", "1"));
        String secondClaim = second.insert();

        ScrubReport report = scrubber.scrub(secondClaim);
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("DUPLICATE-CLAIM");
            assertThat(f.lineNumber()).isEqualTo(1);
            assertThat(f.message()).contains(firstClaim);
        });
        assertThat(ruleIds(scrubber.scrub(firstClaim))).containsExactly("DUPLICATE-CLAIM");

        jdbc.update("UPDATE claim SET status = 'WRITTEN_OFF' WHERE id = ?", first.claimId);
        assertThat(scrubber.scrub(secondClaim).findings()).isEmpty();
    }

    @Test
    void tellsASeparateServiceWithItsOwnModifierFromADuplicate() {
        ClaimRows first = new ClaimRows();
        first.insert();
        ClaimRows second = new ClaimRows();
        second.patientId = first.patientId;
        second.coverageId = first.coverageId;
        second.lines = List.of(new ClaimRows.Line("20610", "RT,76", "1"));
        assertThat(scrubber.scrub(second.insert()).findings()).isEmpty();
    }

    @Test
    void warnsNearThePayersFilingLimitAndRefusesPastIt() {
        ClaimRows near = new ClaimRows();
        near.payerCode = "LHP01";
        near.dateOfService = LocalDate.now().minusDays(70);
        assertThat(scrubber.scrub(near.insert()).findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("TIMELY-FILING-NEAR");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
        });

        ClaimRows late = new ClaimRows();
        late.payerCode = "LHP01";
        late.dateOfService = LocalDate.now().minusDays(91);
        ScrubReport report = scrubber.scrub(late.insert());
        assertThat(ruleIds(report)).containsExactly("TIMELY-FILING");
        assertThat(report.clean()).isFalse();
    }

    @Test
    void requiresTheInstitutionalFieldsOnAnInstitutionalClaim() {
        ClaimRows rows = new ClaimRows();
        String claim = rows.insert();
        jdbc.update("UPDATE claim SET claim_type = 'INSTITUTIONAL' WHERE id = ?", rows.claimId);

        assertThat(ruleIds(scrubber.scrub(claim))).containsExactly("INSTITUTIONAL-FACILITY-TYPE",
                "INSTITUTIONAL-ADMISSION-TYPE", "INSTITUTIONAL-ADMISSION-SOURCE", "INSTITUTIONAL-PATIENT-STATUS",
                "INSTITUTIONAL-ATTENDING", "INSTITUTIONAL-REVENUE-CODE", "INSTITUTIONAL-REVENUE-CODE");

        jdbc.update("""
                UPDATE encounter SET facility_type_code = '13', admission_type = '3', admission_source = '1',
                       patient_status = '01', rendering_provider_id = ? WHERE id = ?""", provider(validNpi()),
                rows.encounterId);
        jdbc.update("UPDATE claim_line SET revenue_code = '0510' WHERE claim_id = ?", rows.claimId);
        assertThat(scrubber.scrub(claim).findings()).isEmpty();
    }

    @Test
    void firesThePayersDmnRulesThroughTheEngine() {
        ClaimRows rows = new ClaimRows();
        rows.payerCode = "LHP01";
        rows.placeOfService = "02";
        rows.lines = List.of(new ClaimRows.Line("99213", "", "1,2"), new ClaimRows.Line("73560", "", "1"));
        String claim = rows.insert();

        ScrubReport report = scrubber.scrub(claim);

        assertThat(report.findings()).extracting(ScrubFinding::ruleId, ScrubFinding::lineNumber)
                .containsExactlyInAnyOrder(
                        tuple("PAYER-TELEHEALTH-MODIFIER", 1),
                        tuple("PAYER-TELEHEALTH-MODIFIER", 2),
                        tuple("PAYER-LATERALITY", 2));
        assertThat(report.findings()).filteredOn(f -> f.ruleId().equals("PAYER-LATERALITY")).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.ERROR);
                    assertThat(f.message()).isEqualTo("Line 2: 73560 needs a laterality modifier: payers deny it without one (CO-4).");
                    assertThat(f.fix()).contains("RT or LT");
                });
    }

    @Test
    void appliesMedicareRulesByTheClaimFilingIndicator() {
        ClaimRows rows = new ClaimRows();
        rows.payerCode = "ITMEDICARE";
        rows.diagnoses = List.of("Z23");
        rows.lines = List.of(new ClaimRows.Line("90686", "", "1"), new ClaimRows.Line("90471", "", "1"));
        String claim = rows.insert();

        assertThat(scrubber.scrub(claim).findings()).extracting(ScrubFinding::ruleId, ScrubFinding::lineNumber)
                .containsExactly(tuple("PAYER-MEDICARE-FLU-ADMIN", 2));
    }

    @Test
    void replacesThePreviousRunsFindings() {
        ClaimRows rows = new ClaimRows();
        rows.lines = List.of(new ClaimRows.Line("99213", "25", "1,2"), new ClaimRows.Line("20610", "", "1"));
        String claim = rows.insert();

        ScrubReport first = scrubber.scrub(claim);
        assertThat(ruleIds(first)).containsExactly("PAYER-LATERALITY");
        assertThat(scrubber.latestFindings(claim)).isEqualTo(first.findings());
        assertThat(storedRows(rows.claimId)).isEqualTo(1);

        jdbc.update("UPDATE patient SET postal_code = 'x' WHERE id = ?", rows.patientId);
        ScrubReport second = scrubber.scrub(claim);
        assertThat(ruleIds(second)).containsExactly("DEMOGRAPHICS-ZIP", "PAYER-LATERALITY");
        assertThat(scrubber.latestFindings(claim)).isEqualTo(second.findings());
        assertThat(storedRows(rows.claimId)).isEqualTo(2);

        jdbc.update("UPDATE patient SET postal_code = '62701' WHERE id = ?", rows.patientId);
        jdbc.update("UPDATE claim_line SET modifiers = 'RT' WHERE claim_id = ? AND line_number = 2", rows.claimId);
        assertThat(scrubber.scrub(claim).clean()).isTrue();
        assertThat(scrubber.latestFindings(claim)).isEmpty();
        assertThat(storedRows(rows.claimId)).isZero();
    }

    @Test
    void keepsThePatientsNameOutOfItsFindings() {
        ClaimRows rows = new ClaimRows();
        rows.lines = List.of(new ClaimRows.Line("99213", "25", "1,2"), new ClaimRows.Line("20610", "", "5"));
        String claim = rows.insert();
        jdbc.update("UPDATE patient SET sex = 'U', state = NULL WHERE id = ?", rows.patientId);

        assertThat(scrubber.scrub(claim).findings()).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(f -> assertThat(f.message() + " " + f.fix())
                        .doesNotContain(ClaimRows.FIRST_NAME).doesNotContain(ClaimRows.LAST_NAME)
                        .doesNotContain(rows.mrn));
    }

    @Test
    void refusesAnUnknownClaimNumber() {
        assertThatThrownBy(() -> scrubber.scrub("NO-SUCH-CLAIM"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND));
        assertThatThrownBy(() -> scrubber.latestFindings("NO-SUCH-CLAIM"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND));
    }

    @Test
    void deploysThePayerRulesTableWithTheModels() {
        DecisionDefinition table = repository.createDecisionDefinitionQuery().decisionDefinitionKey("payer-claim-rules")
                .latestVersion().singleResult();
        assertThat(table).isNotNull();
        assertThat(table.getResourceName()).isEqualTo("payer-claim-rules.dmn");
        assertThat(table.getHistoryTimeToLive()).isEqualTo(3650);
        // Auto-deployed from the processes jar in the same deployment as the BPMN models, no extra wiring.
        assertThat(repository.getDeploymentResourceNames(table.getDeploymentId()))
                .contains("payer-claim-rules.dmn", "claim-submission.bpmn", "revenue-cycle.bpmn");
    }

    private static List<String> ruleIds(ScrubReport report) {
        return report.findings().stream().map(ScrubFinding::ruleId).toList();
    }

    private long storedRows(long claimId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM claim_scrub_finding WHERE claim_id = ?", Long.class, claimId);
    }

    private long provider(String npi) {
        return jdbc.queryForObject("""
                INSERT INTO provider (npi, entity_type, last_name, first_name, taxonomy_code)
                VALUES (?, '1', 'Render', 'Ing', '207Q00000X') RETURNING id""", Long.class, npi);
    }

    private static String validNpi() {
        String nine = "1" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        return nine + Npi.checkDigit(nine);
    }

    /**
     * A claim written straight into the tables, clean unless a test changes a field first: a patient with a
     * complete address, self-subscriber coverage, yesterday's office visit with M17.11 and I10, 99213-25 and
     * 20610-RT. Payer rows are shared; patients, encounters and claims are new each time.
     */
    private final class ClaimRows {

        static final String FIRST_NAME = "Scrubtest";
        static final String LAST_NAME = "Patientname";

        record Line(String code, String modifiers, String pointers) {
        }

        String payerCode = "ITPAYER";
        LocalDate dateOfService = LocalDate.now().minusDays(1);
        String placeOfService = "11";
        List<String> diagnoses = List.of("M1711", "I10");
        List<Line> lines = List.of(new Line("99213", "25", "1,2"), new Line("20610", "RT", "1"));
        Long patientId;
        Long coverageId;
        long encounterId;
        long claimId;
        String mrn;

        String insert() {
            String number = RelayFixture.uniqueNumber("SCR");
            long payerId = jdbc.queryForObject("SELECT id FROM payer WHERE payer_code = ?", Long.class, payerCode);
            if (patientId == null) {
                mrn = "MRN-" + number;
                patientId = jdbc.queryForObject("""
                        INSERT INTO patient (mrn, first_name, last_name, birth_date, sex, address_line, city, state, postal_code)
                        VALUES (?, ?, ?, DATE '1970-05-01', 'F', '1 Test Way', 'Springfield', 'IL', '62701') RETURNING id""",
                        Long.class, mrn, FIRST_NAME, LAST_NAME);
                coverageId = jdbc.queryForObject("""
                        INSERT INTO coverage (patient_id, payer_id, member_id) VALUES (?, ?, ?) RETURNING id""",
                        Long.class, patientId, payerId, "M" + number);
            }
            encounterId = jdbc.queryForObject("""
                    INSERT INTO encounter (encounter_number, patient_id, coverage_id, date_of_service, place_of_service,
                                           documentation, received_at)
                    VALUES (?, ?, ?, ?, ?, 'Scrubber test encounter.', CURRENT_TIMESTAMP) RETURNING id""",
                    Long.class, number, patientId, coverageId, dateOfService, placeOfService);
            String claimNumber = number.replace("SCR-", "S");
            claimId = jdbc.queryForObject("""
                    INSERT INTO claim (claim_number, encounter_id, payer_id, coverage_id, status, total_charge_cents,
                                       date_of_service, place_of_service, created_at, updated_at)
                    VALUES (?, ?, ?, ?, 'DRAFT', 10000, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP) RETURNING id""",
                    Long.class, claimNumber, encounterId, payerId, coverageId, dateOfService, placeOfService);
            for (int i = 0; i < diagnoses.size(); i++) {
                jdbc.update("INSERT INTO claim_diagnosis (claim_id, position, code) VALUES (?, ?, ?)", claimId, i + 1,
                        diagnoses.get(i));
            }
            for (int i = 0; i < lines.size(); i++) {
                Line line = lines.get(i);
                jdbc.update("""
                        INSERT INTO claim_line (claim_id, line_number, procedure_code, modifiers, units, charge_cents,
                                                diagnosis_pointers)
                        VALUES (?, ?, ?, ?, 1, 5000, ?)""", claimId, i + 1, line.code(), line.modifiers(), line.pointers());
            }
            return claimNumber;
        }
    }
}
