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
}
