package org.relayrcm.denials;

import static org.relayrcm.shared.Text.truncate;

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
public class DenialService implements Denials {

    static final String TASK = "Task_WorkDenial";

    private final JdbcClient jdbc;
    private final ClaimService claims;
    private final TaskList tasks;
    private final CurrentUser user;
    private final DenialRouting routing;

    DenialService(JdbcClient jdbc, ClaimService claims, TaskList tasks, CurrentUser user, DenialRouting routing) {
        this.jdbc = jdbc;
        this.claims = claims;
        this.tasks = tasks;
        this.user = user;
        this.routing = routing;
    }

    @Override
    public DenialRoute route(String groupCode, String reasonCode, List<String> remarkCodes) {
        return routing.route(groupCode, reasonCode, remarkCodes).route();
    }

    /** Runs in the posting's transaction: the denials, the claim's status and the process move together. */
    @Override
    @Transactional
    public DenialRoute record(long claimId, long remittanceClaimId, List<DeniedItem> items) {
        DenialRoute claimRoute = DenialRoute.CONTRACTUAL;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (DeniedItem item : items) {
            DenialRouting.Routed routed = routing.route(item.groupCode(), item.reasonCode(), item.remarkCodes());
            if (routed.route() == DenialRoute.CONTRACTUAL) {
                continue;
            }
            if (routed.route().compareTo(claimRoute) < 0) {
                claimRoute = routed.route();
            }
            jdbc.sql("""
                    INSERT INTO denial (claim_id, remittance_claim_id, line_number, group_code, reason_code, remark_codes,
                                        amount_cents, route, route_reason, status, created_at)
                    VALUES (:claim, :rc, :line, :group, :reason, :remarks, :amount, :route, :why, 'OPEN', :now)""")
                    .param("claim", claimId).param("rc", remittanceClaimId).param("line", item.lineNumber())
                    .param("group", truncate(item.groupCode(), 2)).param("reason", truncate(item.reasonCode(), 5))
                    .param("remarks", truncate(String.join(",", item.remarkCodes()), 200))
                    .param("amount", item.amountCents()).param("route", routed.route().name())
                    .param("why", truncate(routed.why(), 200)).param("now", now)
                    .update();
        }
        return claimRoute;
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
