package org.relayrcm.claims.scrub;

import java.time.OffsetDateTime;
import java.util.List;

import org.relayrcm.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The findings of each claim's latest run (claim_scrub_finding); a run replaces the one before. */
@Repository
class ScrubFindings {

    static final int MAX_TEXT = 500;
    static final int MAX_RULE_ID = 40;

    private final JdbcClient jdbc;

    ScrubFindings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void replace(long claimId, OffsetDateTime scrubbedAt, List<ScrubFinding> findings) {
        jdbc.sql("DELETE FROM claim_scrub_finding WHERE claim_id = :claim").param("claim", claimId).update();
        for (int i = 0; i < findings.size(); i++) {
            ScrubFinding f = findings.get(i);
            jdbc.sql("""
                    INSERT INTO claim_scrub_finding (claim_id, scrubbed_at, position, rule_id, severity, message, fix, line_number)
                    VALUES (:claim, :at, :position, :rule, :severity, :message, :fix, :line)""")
                    .param("claim", claimId).param("at", scrubbedAt).param("position", i)
                    .param("rule", Text.truncate(f.ruleId(), MAX_RULE_ID)).param("severity", f.severity().name())
                    .param("message", Text.truncate(f.message(), MAX_TEXT)).param("fix", Text.truncate(f.fix(), MAX_TEXT))
                    .param("line", f.lineNumber())
                    .update();
        }
    }

    List<ScrubFinding> latest(long claimId) {
        return jdbc.sql("""
                SELECT rule_id, severity, message, fix, line_number FROM claim_scrub_finding
                WHERE claim_id = :claim ORDER BY position""")
                .param("claim", claimId)
                .query((rs, n) -> new ScrubFinding(rs.getString(1), ScrubFinding.Severity.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), (Integer) rs.getObject(5, Integer.class)))
                .list();
    }
}
