package org.relayrcm.denials;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.relayrcm.claims.ClaimService;
import org.relayrcm.claims.ClaimStatus;
import org.relayrcm.claims.ClaimView;
import org.relayrcm.claims.ReasonCodes;
import org.relayrcm.security.CurrentUser;
import org.relayrcm.shared.ApiException;
import org.relayrcm.tasks.TaskList;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resolves a denial: the claim's correction, the denial's status and the biller's task change together,
 * so a failed resubmission leaves the denial open rather than half-done.
 */
@Service
public class DenialService {

    static final String TASK = "Task_WorkDenial";

    private final JdbcClient jdbc;
    private final ClaimService claims;
    private final TaskList tasks;
    private final CurrentUser user;

    DenialService(JdbcClient jdbc, ClaimService claims, TaskList tasks, CurrentUser user) {
        this.jdbc = jdbc;
        this.claims = claims;
        this.tasks = tasks;
        this.user = user;
    }

    private record Row(long id, long claimId, String groupCode, String reasonCode, long amountCents, String status,
            String resolutionNote) {
    }

    @Transactional(readOnly = true)
    public DenialView get(long denialId) {
        Row row = row(denialId);
        ClaimView claim = claims.get(row.claimId());
        return new DenialView(row.id(), row.claimId(), claim.claimNumber(), row.groupCode(), row.reasonCode(),
                ReasonCodes.describe(row.reasonCode()), row.amountCents(), row.status(), row.resolutionNote(),
                claim.lines());
    }

    @Transactional
    public DenialView resolve(long denialId, Resolution resolution) {
        Row row = row(denialId);
        if (!"OPEN".equals(row.status())) {
            throw ApiException.conflict("This denial was already resolved (" + row.status() + ").");
        }
        ClaimView claim = claims.get(row.claimId());
        String newStatus;
        if (resolution.action() == Resolution.Action.RESUBMIT) {
            claims.correct(claim, resolution.lineCorrections() == null ? List.of() : resolution.lineCorrections());
            // Back to draft: the process scrubs the corrected claim before it goes out again.
            claims.transition(claim.id(), ClaimStatus.DRAFT);
            newStatus = "RESUBMITTED";
        } else {
            claims.transition(claim.id(), ClaimStatus.WRITTEN_OFF);
            newStatus = "WRITTEN_OFF";
        }
        jdbc.sql("""
                UPDATE denial SET status = :status, resolution_note = :note, resolved_by = :user, resolved_at = :now
                WHERE id = :id AND status = 'OPEN'""")
                .param("status", newStatus).param("note", resolution.note()).param("user", user.id())
                .param("now", OffsetDateTime.now(ZoneOffset.UTC)).param("id", denialId)
                .update();
        tasks.completeHeld(TASK, claim.claimNumber(), Map.of("denialResolution", resolution.action().name()));
        return get(denialId);
    }

    private Row row(long denialId) {
        return jdbc.sql("""
                SELECT id, claim_id, group_code, reason_code, amount_cents, status, resolution_note
                FROM denial WHERE id = :id""")
                .param("id", denialId).query(Row.class).optional()
                .orElseThrow(() -> ApiException.notFound("Denial " + denialId));
    }
}
