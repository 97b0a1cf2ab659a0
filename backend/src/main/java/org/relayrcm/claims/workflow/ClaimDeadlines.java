package org.relayrcm.claims.workflow;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Set;

import org.relayrcm.claims.ClaimStatus;
import org.relayrcm.claims.scrub.ScrubSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deadlines of claim-submission that are the payer's data (payer.timely_filing_days, expected_adjudication_days),
 * looked up by claim number when the process reaches them. The timely-filing deadline is the end of the last day the
 * payer takes the claim, counted from the date of service (from discharge for an institutional stay), as the
 * scrubber's TimelyFilingRule counts it.
 */
@Component("claimDeadlines")
public class ClaimDeadlines {

    /** Once the payer has taken the claim into adjudication, its timely-filing limit is met. */
    private static final Set<String> FILED_IN_TIME = Set.of(ClaimStatus.ACCEPTED.name(), ClaimStatus.PAID.name(),
            ClaimStatus.APPEALED.name(), ClaimStatus.PATIENT_RESPONSIBILITY.name(), ClaimStatus.WRITTEN_OFF.name(),
            ClaimStatus.VOIDED.name());

    private final JdbcClient jdbc;
    private final int warningDays;

    /** The scrubber's warning period: the claim it warns about is the one a manager hears about. */
    ClaimDeadlines(JdbcClient jdbc, ScrubSettings scrub) {
        if (scrub.timelyFilingWarningDays() < 0) {
            throw new IllegalArgumentException("relay.claims.scrub.timely-filing-warning-days must not be negative");
        }
        this.jdbc = jdbc;
        this.warningDays = scrub.timelyFilingWarningDays();
    }

    private record Terms(LocalDate dateOfService, int timelyFilingDays, int expectedAdjudicationDays, String status) {
    }

    /** How long after the payer accepted the claim a missing remittance becomes a follow-up task, e.g. P30D. */
    public String followUpAfter(String claimNumber) {
        return "P" + terms(claimNumber).expectedAdjudicationDays() + "D";
    }

    public Date timelyFilingDeadline(String claimNumber) {
        return endOfDay(deadline(terms(claimNumber)));
    }

    /** When a manager hears about a claim the payer has still not accepted: the warning period before the deadline. */
    public Date timelyFilingWarningAt(String claimNumber) {
        return endOfDay(deadline(terms(claimNumber)).minusDays(warningDays));
    }

    public boolean atTimelyFilingRisk(String claimNumber) {
        return !FILED_IN_TIME.contains(terms(claimNumber).status());
    }

    private static LocalDate deadline(Terms terms) {
        return terms.dateOfService().plusDays(terms.timelyFilingDays());
    }

    private static Date endOfDay(LocalDate day) {
        return Date.from(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).minusSeconds(1).toInstant());
    }

    private Terms terms(String claimNumber) {
        return jdbc.sql("""
                SELECT CASE WHEN c.claim_type = 'INSTITUTIONAL' AND e.discharge_date IS NOT NULL THEN e.discharge_date
                            ELSE c.date_of_service END AS date_of_service,
                       p.timely_filing_days, p.expected_adjudication_days, c.status
                FROM claim c JOIN payer p ON p.id = c.payer_id JOIN encounter e ON e.id = c.encounter_id
                WHERE c.claim_number = :number""")
                .param("number", claimNumber).query(Terms.class).optional()
                .orElseThrow(() -> new IllegalStateException("No claim " + claimNumber + " with a payer"));
    }
}
