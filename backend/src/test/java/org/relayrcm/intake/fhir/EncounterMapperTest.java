package org.relayrcm.intake.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;

import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.relayrcm.shared.ValidationError;

import ca.uhn.fhir.context.FhirContext;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

class EncounterMapperTest {

    static final Path SYNTHEA = Path.of("../../shared/data/synthea/smart_Abdul_Koepp_e925b0f3-8006-43f6-aa31-94bd215e55e7.json");
    static final FhirContext FHIR = FhirContext.forR4Cached();
    static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
    static final EncounterMapper.PayerDirectory PAYERS = (codes, names) ->
            codes.contains("LHP01") || names.stream().anyMatch("Lakeside Health Plan"::equalsIgnoreCase)
                    ? Optional.of("LHP01") : Optional.empty();

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    static EncounterMapper.Result map(String json) {
        Bundle bundle = (Bundle) FHIR.newJsonParser().parseResource(json);
        return EncounterMapper.map(bundle, PAYERS, VALIDATION.getValidator());
    }

    /** A minimal patient-centred collection bundle; {@code extra} adds entries (with a leading comma). */
    static String bundle(String encounter, String extra) {
        return """
                {"resourceType":"Bundle","type":"collection","entry":[
                 {"fullUrl":"http://ehr.example/fhir/Patient/p1","resource":{"resourceType":"Patient","id":"p1",
                  "identifier":[{"type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0203","code":"MR"}]},
                                 "system":"http://ehr.example/mrn","value":"MRN-77"},
                                {"system":"http://hl7.org/fhir/sid/us-ssn","value":"999-99-9999"}],
                  "name":[{"use":"official","family":"Doe","given":["Jane","Q"]}],"gender":"female","birthDate":"1980-02-29",
                  "address":[{"line":["1 Main St"],"city":"Boston","state":"Massachusetts","postalCode":"02115-1234"}]}},
                 {"fullUrl":"http://ehr.example/fhir/Encounter/e1","resource":%s}%s]}""".formatted(encounter, extra);
    }

    static final String ENCOUNTER = """
            {"resourceType":"Encounter","id":"e1","identifier":[{"use":"official","system":"http://ehr.example/enc","value":"V-1"}],
             "status":"finished","class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"EMER"},
             "subject":{"reference":"Patient/p1"},"period":{"start":"2024-03-05T23:30:00-05:00"}}""";

    @Test
    void mapsSyntheaEncountersToSelfPayWithSnomedTermsAsDocumentation() throws IOException {
        assumeTrue(Files.exists(SYNTHEA), "shared Synthea data not present");

        EncounterMapper.Result result = map(Files.readString(SYNTHEA));

        assertThat(result.errors()).isEmpty();
        assertThat(result.encounters()).hasSize(16);
        EncounterMapper.Mapped first = result.encounters().get(0);
        assertThat(first.sourceIdentifier()).isEqualTo("urn:uuid:abbc5979-3aca-43fe-91a6-8065b7e4a90f");
        assertThat(first.encounter().patient().mrn()).isEqualTo("e925b0f3-8006-43f6-aa31-94bd215e55e7");
        assertThat(first.encounter().patient().lastName()).isEqualTo("Koepp");
        assertThat(first.encounter().patient().state()).isEqualTo("MA");
        assertThat(first.encounter().patient().sex()).isEqualTo("M");
        assertThat(first.encounter().dateOfService()).isEqualTo(LocalDate.of(1991, 6, 7));
        assertThat(first.encounter().coverage()).isNull();
        assertThat(first.encounter().documentation())
                .contains("Conditions:\n- Body mass index 30+ - obesity (finding) (SNOMED CT 162864005)")
                .contains("Insurance named by the EHR: private")
                .contains("shown as documentation only");
        assertThat(result.encounters()).allSatisfy(m -> assertThat(m.encounter().encounterNumber()).matches("FH-[A-Z0-9]{12}"));
    }

    @Test
    void resolvesRelativeReferencesAndReadsTheDateAsTheEhrWroteIt() {
        EncounterMapper.Result result = map(bundle(ENCOUNTER, """
                ,{"resource":{"resourceType":"Condition","subject":{"reference":"Patient/p1"},
                   "encounter":{"reference":"http://ehr.example/fhir/Encounter/e1/_history/3"},
                   "code":{"coding":[{"system":"http://snomed.info/sct","code":"38341003","display":"Hypertension"}]}}},
                  {"resource":{"resourceType":"Observation","status":"final","encounter":{"reference":"Encounter/e1"},
                   "code":{"text":"Blood pressure"},"component":[
                     {"code":{"text":"Systolic"},"valueQuantity":{"value":150.123,"unit":"mm[Hg]"}},
                     {"code":{"text":"Diastolic"},"valueQuantity":{"value":95,"unit":"mm[Hg]"}}]}}"""));

        assertThat(result.errors()).isEmpty();
        var encounter = result.encounters().get(0).encounter();
        assertThat(result.encounters().get(0).sourceIdentifier()).isEqualTo("http://ehr.example/enc|V-1");
        assertThat(encounter.dateOfService()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(encounter.placeOfService()).isEqualTo("23");
        assertThat(encounter.patient().mrn()).isEqualTo("MRN-77");
        assertThat(encounter.patient().firstName()).isEqualTo("Jane");
        assertThat(encounter.patient().postalCode()).isEqualTo("021151234");
        assertThat(encounter.documentation())
                .contains("- Hypertension (SNOMED CT 38341003)")
                .contains("- Blood pressure: Systolic: 150.12 mm[Hg]; Diastolic: 95 mm[Hg]");
    }

    @Test
    void prefersTheNoteOverTheSummaryAndTheCoverageOverClaimInsurance() {
        String note = Base64.getEncoder().encodeToString("Chest pain, ruled out MI.".getBytes(StandardCharsets.UTF_8));
        EncounterMapper.Result result = map(bundle(ENCOUNTER, """
                ,{"fullUrl":"urn:uuid:6f1f9a64-4a0e-4f63-8f3e-000000000010","resource":{"resourceType":"Organization",
                   "identifier":[{"system":"http://example.org/payer-id","value":"LHP01"}],"name":"Lakeside"}},
                 {"fullUrl":"urn:uuid:6f1f9a64-4a0e-4f63-8f3e-000000000011","resource":{"resourceType":"Coverage","status":"active",
                   "subscriberId":"W 123 456","beneficiary":{"reference":"Patient?identifier=http://ehr.example/mrn|MRN-77"},
                   "payor":[{"reference":"urn:uuid:6f1f9a64-4a0e-4f63-8f3e-000000000010"}],
                   "period":{"start":"2024-01-01","end":"2024-12-31"}}},
                 {"resource":{"resourceType":"DocumentReference","status":"current",
                   "content":[{"attachment":{"contentType":"text/plain","data":"%s"}}],
                   "context":{"encounter":[{"reference":"Encounter/e1"}]}}},
                 {"resource":{"resourceType":"Condition","encounter":{"reference":"Encounter/e1"},"subject":{"reference":"Patient/p1"},
                   "code":{"text":"Only in the summary"}}}""".formatted(note)));

        assertThat(result.errors()).isEmpty();
        var encounter = result.encounters().get(0).encounter();
        assertThat(encounter.coverage().payerCode()).isEqualTo("LHP01");
        assertThat(encounter.coverage().memberId()).isEqualTo("W123456");
        assertThat(encounter.documentation()).contains("Clinical note:\nChest pain, ruled out MI.").doesNotContain("Only in the summary");
    }

    @Test
    void refusesACoverageWhosePayerIsNotSetUp() {
        EncounterMapper.Result result = map(bundle(ENCOUNTER, """
                ,{"resource":{"resourceType":"Coverage","status":"active","subscriberId":"M1",
                   "beneficiary":{"reference":"Patient/p1"},"payor":[{"display":"Nowhere Mutual"}]}}"""));

        assertThat(result.encounters()).isEmpty();
        assertThat(result.errors()).extracting(ValidationError::ruleId).containsExactly("INTAKE-PAYER-UNKNOWN");
        assertThat(result.errors().get(0).message()).contains("Nowhere Mutual");
    }

    @Test
    void refusesAnEncounterWithoutSubjectInsteadOfGuessingThePatient() {
        EncounterMapper.Result result = map(bundle(ENCOUNTER.replace("\"subject\":{\"reference\":\"Patient/p1\"},", ""), ""));

        assertThat(result.encounters()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.ruleId()).isEqualTo("FHIR-ENCOUNTER-SUBJECT");
            assertThat(e.field()).isEqualTo("Bundle.entry[1] (Encounter).subject");
        });
    }

    @Test
    void refusesTwoEncountersWithOneIdentifier() {
        EncounterMapper.Result result = map(bundle(ENCOUNTER, ",{\"fullUrl\":\"http://ehr.example/fhir/Encounter/e2\",\"resource\":"
                + ENCOUNTER.replace("\"id\":\"e1\"", "\"id\":\"e2\"") + "}"));

        assertThat(result.errors()).extracting(ValidationError::ruleId).containsExactly("FHIR-DUPLICATE-ENCOUNTER");
        assertThat(result.errors().get(0).message()).contains("Bundle.entry[1] (Encounter)");
    }

    @Test
    void refusesAnEncounterWithNeitherIdentifierNorAbsoluteFullUrl() {
        String json = """
                {"resourceType":"Bundle","type":"collection","entry":[
                 {"resource":{"resourceType":"Patient","id":"p1","identifier":[{"value":"A1"}],"name":[{"family":"Roe","given":["Al"]}],
                  "birthDate":"1950-01-01"}},
                 {"resource":{"resourceType":"Encounter","id":"7","status":"finished","class":{"code":"AMB"},
                  "subject":{"reference":"Patient/p1"},"period":{"start":"2024-01-02"}}}]}""";

        assertThat(map(json).errors()).extracting(ValidationError::ruleId).containsExactly("FHIR-ENCOUNTER-IDENTITY");
    }

    @Test
    void skipsCancelledEncounters() {
        EncounterMapper.Result result = map(bundle(ENCOUNTER.replace("\"finished\"", "\"cancelled\""), ""));

        assertThat(result.errors()).isEmpty();
        assertThat(result.encounters()).isEmpty();
        assertThat(result.skipped()).singleElement().satisfies(s -> assertThat(s.reason()).contains("cancelled"));
    }

    @Test
    void cutsRunawayTextButKeepsTheEncounter() {
        String huge = "x".repeat(300_000);
        String note = Base64.getEncoder().encodeToString(huge.getBytes(StandardCharsets.UTF_8));
        EncounterMapper.Result result = map(bundle(ENCOUNTER.replace("\"Patient/p1\"}", "\"Patient/p1\"},\"reasonCode\":[{\"text\":\"" + huge + "\"}]"),
                ",{\"resource\":{\"resourceType\":\"DocumentReference\",\"status\":\"current\",\"content\":[{\"attachment\":"
                        + "{\"contentType\":\"text/plain\",\"data\":\"" + note + "\"}}],\"context\":{\"encounter\":[{\"reference\":\"Encounter/e1\"}]}}}"));

        assertThat(result.errors()).isEmpty();
        String documentation = result.encounters().get(0).encounter().documentation();
        assertThat(documentation).hasSize(EncounterMapper.MAX_DOCUMENTATION).endsWith(EncounterMapper.TRUNCATED);
        assertThat(documentation.lines().filter(l -> l.startsWith("Reason for visit")).findFirst().orElseThrow())
                .hasSizeLessThan(ClinicalText.MAX_LINE + 10);
    }

    @Test
    void givesTheSameEncounterTheSameNumberEveryTime() {
        assertThat(EncounterMapper.encounterNumber("http://ehr.example/enc|V-1"))
                .isEqualTo(EncounterMapper.encounterNumber("http://ehr.example/enc|V-1"))
                .isNotEqualTo(EncounterMapper.encounterNumber("http://ehr.example/enc|V-2"))
                .matches("FH-[A-Z0-9]{12}");
    }
}
