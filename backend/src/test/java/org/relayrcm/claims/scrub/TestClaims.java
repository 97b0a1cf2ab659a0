package org.relayrcm.claims.scrub;

import java.time.LocalDate;
import java.util.List;

/** Claims for the rules' unit tests: a clean professional claim, changed one field at a time with the withers. */
final class TestClaims {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    static final LocalDate DOS = LocalDate.of(2026, 3, 2);

    private TestClaims() {
    }

    static ScrubbedClaim clean() {
        return new ScrubbedClaim(1L, "C1001", "PROFESSIONAL", "1", DOS, "11",
                new ScrubbedClaim.Patient(7L, "Ada", "Lovelace", LocalDate.of(1970, 5, 1), "F", "1 Test Way", "Springfield",
                        "IL", "62701"),
                new ScrubbedClaim.Coverage("M123", "18", null, null, null, null),
                new ScrubbedClaim.Payer("ITPAYER", "Integration Health Plan", 365, "CI"),
                null,
                new ScrubbedClaim.Institutional(null, null, null, null, null),
                List.of("M1711", "I10"),
                List.of(new ScrubbedClaim.Line(1, "99213", List.of("25"), 1, List.of(1, 2), null),
                        new ScrubbedClaim.Line(2, "20610", List.of("RT"), 1, List.of(1), null)),
                TODAY);
    }

    static ScrubbedClaim withPatient(ScrubbedClaim c, ScrubbedClaim.Patient patient) {
        return new ScrubbedClaim(c.id(), c.claimNumber(), c.claimType(), c.frequencyCode(), c.dateOfService(),
                c.placeOfService(), patient, c.coverage(), c.payer(), c.renderingProvider(), c.institutional(),
                c.diagnoses(), c.lines(), c.today());
    }

    static ScrubbedClaim withCoverage(ScrubbedClaim c, ScrubbedClaim.Coverage coverage, ScrubbedClaim.Payer payer) {
        return new ScrubbedClaim(c.id(), c.claimNumber(), c.claimType(), c.frequencyCode(), c.dateOfService(),
                c.placeOfService(), c.patient(), coverage, payer, c.renderingProvider(), c.institutional(),
                c.diagnoses(), c.lines(), c.today());
    }

    static ScrubbedClaim withRendering(ScrubbedClaim c, ScrubbedClaim.Provider provider) {
        return new ScrubbedClaim(c.id(), c.claimNumber(), c.claimType(), c.frequencyCode(), c.dateOfService(),
                c.placeOfService(), c.patient(), c.coverage(), c.payer(), provider, c.institutional(),
                c.diagnoses(), c.lines(), c.today());
    }

    static ScrubbedClaim withCodes(ScrubbedClaim c, List<String> diagnoses, List<ScrubbedClaim.Line> lines) {
        return new ScrubbedClaim(c.id(), c.claimNumber(), c.claimType(), c.frequencyCode(), c.dateOfService(),
                c.placeOfService(), c.patient(), c.coverage(), c.payer(), c.renderingProvider(), c.institutional(),
                diagnoses, lines, c.today());
    }

    static ScrubbedClaim withInstitutional(ScrubbedClaim c, ScrubbedClaim.Institutional institutional) {
        return new ScrubbedClaim(c.id(), c.claimNumber(), ScrubbedClaim.INSTITUTIONAL, c.frequencyCode(), c.dateOfService(),
                c.placeOfService(), c.patient(), c.coverage(), c.payer(), c.renderingProvider(), institutional,
                c.diagnoses(), c.lines(), c.today());
    }

    static ScrubbedClaim scrubbedOn(ScrubbedClaim c, LocalDate today) {
        return new ScrubbedClaim(c.id(), c.claimNumber(), c.claimType(), c.frequencyCode(), c.dateOfService(),
                c.placeOfService(), c.patient(), c.coverage(), c.payer(), c.renderingProvider(), c.institutional(),
                c.diagnoses(), c.lines(), today);
    }

    static ScrubbedClaim.Line line(int number, String code, List<String> modifiers, List<Integer> pointers) {
        return new ScrubbedClaim.Line(number, code, modifiers, 1, pointers, null);
    }
}
