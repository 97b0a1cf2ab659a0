package org.relayrcm.denials;

import org.relayrcm.shared.ListColumns;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.relayrcm.claims.ClaimService;
import org.relayrcm.claims.ClaimStatus;
import org.relayrcm.claims.ClaimView;
import org.relayrcm.claims.ReasonCodes;
import org.relayrcm.security.CurrentUser;
import org.relayrcm.shared.ApiException;
import org.relayrcm.shared.ValidationError;
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
    private static final Pattern MODIFIER = Pattern.compile("[A-Z0-9]{2}");

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
            applyCorrections(claim, resolution.lineCorrections() == null ? List.of() : resolution.lineCorrections());
            claims.transition(claim.id(), ClaimStatus.READY);
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

    private void applyCorrections(ClaimView claim, List<Resolution.LineCorrection> corrections) {
        List<ValidationError> errors = new ArrayList<>();
        for (int i = 0; i < corrections.size(); i++) {
            Resolution.LineCorrection c = corrections.get(i);
            String field = "lineCorrections[" + i + "]";
            if (claim.lines().stream().noneMatch(l -> l.lineNumber() == c.lineNumber())) {
                errors.add(ValidationError.error("DENIAL-LINE-UNKNOWN", field + ".lineNumber",
                        "The claim has no line " + c.lineNumber() + "."));
            }
            List<String> modifiers = c.modifiers().stream().map(m -> m.trim().toUpperCase(Locale.ROOT)).toList();
            if (modifiers.stream().anyMatch(m -> !MODIFIER.matcher(m).matches())) {
                errors.add(ValidationError.error("CODING-MOD-FORMAT", field + ".modifiers",
                        "Modifiers are two letters or digits."));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid("The corrections are not valid; nothing was changed.", errors);
        }
        for (Resolution.LineCorrection c : corrections) {
            String modifiers = ListColumns.join(c.modifiers().stream().map(m -> m.trim().toUpperCase(Locale.ROOT)).toList());
            jdbc.sql("UPDATE claim_line SET modifiers = :modifiers WHERE claim_id = :claim AND line_number = :line")
                    .param("modifiers", modifiers).param("claim", claim.id()).param("line", c.lineNumber()).update();
        }
    }

    private Row row(long denialId) {
        return jdbc.sql("""
                SELECT id, claim_id, group_code, reason_code, amount_cents, status, resolution_note
                FROM denial WHERE id = :id""")
                .param("id", denialId).query(Row.class).optional()
                .orElseThrow(() -> ApiException.notFound("Denial " + denialId));
    }
}
