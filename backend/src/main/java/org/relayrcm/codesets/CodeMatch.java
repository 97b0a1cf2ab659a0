package org.relayrcm.codesets;

/** One search hit: {@code display} is the dotted form for ICD-style systems; a header code is not billable. */
public record CodeMatch(CodeSystem system, String code, String display, String description, boolean billable,
        boolean header) {
}
