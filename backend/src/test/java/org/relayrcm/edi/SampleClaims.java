package org.relayrcm.edi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** Claims used by the writer tests; NPIs have valid check digits, names and ids are made up. */
final class SampleClaims {

    static final String BILLING_NPI = "1234567893";
    static final String RENDERING_NPI = "1112223338";
    static final LocalDate DOS = LocalDate.of(2025, 3, 14);

    private SampleClaims() {
    }

    static InterchangeEnvelope envelope(long controlNumber) {
        return new InterchangeEnvelope("ZZ", "RELAYRCM", "ZZ", "CLEARINGHOUSE", controlNumber, controlNumber + 1000,
                controlNumber, LocalDateTime.of(2025, 3, 15, 9, 30), UsageIndicator.TEST);
    }

    static ServiceLine line(String code, String charge, List<String> modifiers, List<Integer> pointers) {
        return new ServiceLine(code, modifiers, new BigDecimal(charge), BigDecimal.ONE, pointers, null);
    }

    static ProfessionalClaim claim(String claimNumber, ClaimFrequency frequency, String payerClaimControlNumber,
            List<String> diagnoses, RenderingProvider rendering, ServiceLine... lines) {
        BigDecimal total = List.of(lines).stream().map(ServiceLine::charge).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new ProfessionalClaim(
                envelope(42),
                new Submitter("RELAY RCM CLINIC", "RELAY01", "BILLING OFFICE", "555-123-4567", null),
                new Receiver("ACME CLEARINGHOUSE", "ACMECH"),
                new BillingProvider("RIVERSIDE FAMILY PRACTICE", BILLING_NPI, "12-3456789", "207Q00000X",
                        new Address("100 MAIN ST", "SUITE 2", "SPRINGFIELD", "IL", "627011234")),
                new Subscriber("DOE", "JANE", "XYZ123456789", LocalDate.of(1980, 7, 1), Sex.FEMALE,
                        new Address("12 ELM ST", "SPRINGFIELD", "IL", "62704")),
                new Payer("HEALTHY PAYER INC", "HP123"),
                new ClaimDetails(claimNumber, total, "11", frequency, payerClaimControlNumber, DOS, diagnoses,
                        List.of(lines), rendering));
    }

    static ProfessionalClaim oneLine() {
        return claim("CLM0001", ClaimFrequency.ORIGINAL, null, List.of("J06.9"), null,
                line("99213", "125.00", List.of(), List.of(1)));
    }

    static ProfessionalClaim fourLinesWithModifiers() {
        return claim("ENC-2025-000123-01", ClaimFrequency.ORIGINAL, null,
                List.of("E11.9", "I10", "E78.5", "Z79.4", "M54.50"),
                new RenderingProvider("SMITH", "ALEX", RENDERING_NPI, "207Q00000X"),
                line("99214", "180.50", List.of("25"), List.of(1, 2, 3, 4)),
                line("83036", "45.25", List.of("QW"), List.of(1)),
                new ServiceLine("20610", List.of("RT", "59", "XS", "GA"), new BigDecimal("210"), new BigDecimal("2"),
                        List.of(5), LocalDate.of(2025, 3, 13)),
                line("J3301", "12.10", List.of("JZ"), List.of(5, 1)));
    }

    static ProfessionalClaim replacement() {
        return claim("CLM0001R", ClaimFrequency.REPLACEMENT, "PAYERCCN987654", List.of("J02.9", "R50.9"), null,
                line("99213", "125", List.of(), List.of(1, 2)),
                line("87880", "30.00", List.of("QW"), List.of(1)));
    }

    static final String ATTENDING_NPI = "1245319599";

    static InstitutionalServiceLine revenueLine(String revenueCode, String procedure, String charge, String units) {
        return new InstitutionalServiceLine(revenueCode, procedure, List.of(), new BigDecimal(charge),
                new BigDecimal(units), null);
    }

    static InstitutionalClaim institutional(String claimNumber, String facilityType, ClaimFrequency frequency,
            String payerClaimControlNumber, LocalDate from, LocalDate through, LocalDate admission,
            List<String> diagnoses, InstitutionalServiceLine... lines) {
        BigDecimal total = List.of(lines).stream().map(InstitutionalServiceLine::charge)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new InstitutionalClaim(
                envelope(77),
                new Submitter("RELAY RCM HOSPITAL", "RELAY02", "PATIENT ACCOUNTS", "555-987-6543", null),
                new Receiver("ACME CLEARINGHOUSE", "ACMECH"),
                new BillingProvider("RIVERSIDE GENERAL HOSPITAL", BILLING_NPI, "98-7654321", "282N00000X",
                        new Address("500 HOSPITAL DR", "SPRINGFIELD", "IL", "627019999")),
                new Subscriber("ROE", "RICHARD", "ABC987654321", LocalDate.of(1955, 2, 3), Sex.MALE,
                        new Address("9 OAK AVE", "APT 4", "SPRINGFIELD", "IL", "62704")),
                new Payer("HEALTHY PAYER INC", "HP123", "MB"),
                new InstitutionalClaimDetails(claimNumber, total, facilityType, frequency, payerClaimControlNumber,
                        from, through, admission, "1", admission == null ? null : "7", "01", diagnoses,
                        new AttendingProvider("WELBY", "MARCUS", ATTENDING_NPI, "207R00000X"), List.of(lines)));
    }

    /** An emergency-room visit billed on a 131 outpatient bill: three revenue lines, one without a procedure. */
    static InstitutionalClaim outpatientVisit() {
        return institutional("ER-2025-0001", "13", ClaimFrequency.ORIGINAL, null, DOS, DOS, null,
                List.of("S52.501A", "W19.XXXA", "I10"),
                new InstitutionalServiceLine("0450", "99284", List.of("25"), new BigDecimal("850.00"), BigDecimal.ONE,
                        null),
                new InstitutionalServiceLine("0320", "73090", List.of("RT", "59"), new BigDecimal("310.5"),
                        BigDecimal.ONE, null),
                revenueLine("0250", null, "42.25", "3"));
    }

    /** A three-day inpatient stay (bill type 111) with 14 diagnoses, so the other diagnoses need two HI segments. */
    static InstitutionalClaim inpatientStay() {
        List<String> diagnoses = List.of("J18.9", "E11.9", "I10", "E78.5", "N18.30", "Z79.4", "K21.9", "F32.A",
                "G47.33", "M54.50", "Z87.891", "E66.9", "Z68.30", "D64.9");
        return institutional("IP-2025-0042", "11", ClaimFrequency.ORIGINAL, null, DOS.minusDays(3), DOS,
                DOS.minusDays(3), diagnoses,
                new InstitutionalServiceLine("0120", null, List.of(), new BigDecimal("3600"), new BigDecimal("3"),
                        DOS.minusDays(3)),
                new InstitutionalServiceLine("0300", "80053", List.of(), new BigDecimal("95.00"), BigDecimal.ONE,
                        DOS.minusDays(2)),
                new InstitutionalServiceLine("0636", "J1885", List.of("JZ"), new BigDecimal("12.40"),
                        new BigDecimal("4"), DOS.minusDays(1)));
    }

    /** A replacement (bill type 137) of the outpatient visit. */
    static InstitutionalClaim outpatientReplacement() {
        return institutional("ER-2025-0001R", "13", ClaimFrequency.REPLACEMENT, "PCN-55501", DOS, DOS, null,
                List.of("S52.501A"), revenueLine("0450", "99283", "600", "1"));
    }
}
