package org.relayrcm.codesets;

/** One code of a code set; CPT entries carry no description (AMA licence). */
public record CodeEntry(CodeSystem system, String code, String description, boolean billable) {
}
