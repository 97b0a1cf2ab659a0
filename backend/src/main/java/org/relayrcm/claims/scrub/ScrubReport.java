package org.relayrcm.claims.scrub;

import java.util.List;

/** What one run of the scrubber found on a claim. */
public record ScrubReport(String claimNumber, List<ScrubFinding> findings) {

    public ScrubReport {
        findings = List.copyOf(findings);
    }

    /** True when nothing holds the claim back: warnings alone do not. */
    public boolean clean() {
        return findings.stream().noneMatch(f -> f.severity() == ScrubFinding.Severity.ERROR);
    }
}
