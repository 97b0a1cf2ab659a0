package org.relayrcm.claims.scrub;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

import org.relayrcm.shared.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs every edit on a claim before it goes out and keeps what the latest run found, so that the claim
 * view and the biller's Fix claim task show the same findings that held the claim back.
 */
@Service
public class ClaimScrubber {

    /** Claim-level findings first, then by line; within that, in the rules' order. */
    private static final Comparator<ScrubFinding> BY_LINE = Comparator.comparing(ScrubFinding::lineNumber,
            Comparator.nullsFirst(Comparator.naturalOrder()));

    private final ScrubbedClaims claims;
    private final ScrubFindings findings;
    private final List<ScrubRule> rules;

    /** The rules come in their {@code @Order}: the order findings of one line are listed in. */
    ClaimScrubber(ScrubbedClaims claims, ScrubFindings findings, List<ScrubRule> rules) {
        this.claims = claims;
        this.findings = findings;
        this.rules = rules;
    }

    /** Runs every rule on the claim as stored, replaces its previous findings with these (one transaction), returns them. */
    @Transactional
    public ScrubReport scrub(String claimNumber) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        ScrubbedClaim claim = claims.lockAndRead(claimNumber, LocalDate.now())
                .orElseThrow(() -> ApiException.notFound("Claim " + claimNumber));
        List<ScrubFinding> found = rules.stream().flatMap(rule -> rule.check(claim).stream()).sorted(BY_LINE).toList();
        findings.replace(claim.id(), now, found);
        return new ScrubReport(claimNumber, found);
    }

    /**
     * Replaces the claim's findings with what a later check found (the implementation-guide check at send time), so
     * the biller sees one list of what to fix.
     */
    @Transactional
    public void replaceFindings(String claimNumber, List<ScrubFinding> found) {
        long claimId = claims.idOf(claimNumber).orElseThrow(() -> ApiException.notFound("Claim " + claimNumber));
        findings.replace(claimId, OffsetDateTime.now(ZoneOffset.UTC), found);
    }

    /** The findings of the latest run, for the claim view and the Fix claim task. */
    @Transactional(readOnly = true)
    public List<ScrubFinding> latestFindings(String claimNumber) {
        long claimId = claims.idOf(claimNumber).orElseThrow(() -> ApiException.notFound("Claim " + claimNumber));
        return findings.latest(claimId);
    }
}
