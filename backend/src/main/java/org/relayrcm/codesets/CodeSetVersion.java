package org.relayrcm.codesets;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One imported file (or the curated seed) of a code system, in force from {@code effectiveFrom} to {@code effectiveTo}. */
public record CodeSetVersion(long id, CodeSystem system, String label, String sourceFile, String fileSha256,
        LocalDate effectiveFrom, LocalDate effectiveTo, boolean seed, int codeCount, int billableCount,
        int exclusionCount, OffsetDateTime importedAt, String importedBy) {

    public boolean covers(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }
}
