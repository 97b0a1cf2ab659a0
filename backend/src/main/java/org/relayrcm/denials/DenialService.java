package org.relayrcm.denials;

import static org.relayrcm.shared.Text.truncate;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.relayrcm.claims.ClaimService;
import org.relayrcm.claims.ClaimStatus;
import org.relayrcm.claims.ClaimView;
import org.relayrcm.claims.ReasonCodes;
import org.relayrcm.security.CurrentUser;
import org.relayrcm.security.Roles;
import org.relayrcm.shared.ApiException;
import org.relayrcm.tasks.TaskList;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Denial work: recording what a remittance denied and where the routing table sends it, and the work of each queue
 * that fixes a denial by correcting the claim (coder's recode, biller's registration fix, biller's general queue).
 * The claim's correction, the denials' status and the task change together, so a failed step leaves all as it was.
 */
@Service
public class DenialService implements Denials {

    static final String WORK_TASK = "Task_WorkDenial";
    static final String RECODE_TASK = "Task_RecodeDenial";
    static final String REGISTRATION_TASK = "Task_FixRegistration";

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

    private record Row(long id, long claimId, long remittanceClaimId, Integer lineNumber, String groupCode,
            String reasonCode, String remarkCodes, long amountCents, String route, String routeReason, String status,
            String resolutionNote) {
    }

    private static final String COLUMNS = """
            id, claim_id, remittance_claim_id, line_number, group_code, reason_code, remark_codes, amount_cents, route,
            route_reason, status, resolution_note""";

    /**
     * The denial and its claim. Billers, managers and auditors read any; a coder reads only a denial whose recode
     * task is theirs or offered to them, and otherwise gets 404 as if it did not exist.
     */
    @Transactional(readOnly = true)
    public DenialView get(long denialId) {
        Row row = row(denialId);
        ClaimView claim = claims.get(row.claimId());
        if (readsOnlyOwnWork() && !tasks.offered(RECODE_TASK, claim.claimNumber())) {
            throw ApiException.notFound("Denial " + denialId);
        }
        List<DenialView.Item> items = itemsAnsweredWith(denialId);
        return new DenialView(row.id(), row.claimId(), claim.claimNumber(), claim.status(), claim.payerName(),
                row.groupCode(), row.reasonCode(), ReasonCodes.describe(row.reasonCode()), row.amountCents(),
                row.status(), row.route(), row.routeReason(), row.resolutionNote(), items, claim.lines(),
                claim.diagnoses());
    }

    /** Every item the remittance that denied {@code denialId} denied on the same claim. */
    List<DenialView.Item> itemsAnsweredWith(long denialId) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM denial WHERE remittance_claim_id = (SELECT remittance_claim_id FROM denial WHERE id = :id)
                ORDER BY id""")
                .param("id", denialId).query(Row.class).list().stream().map(DenialService::item).toList();
    }

    private boolean readsOnlyOwnWork() {
        return user.hasRole(Roles.CODER) && !user.hasRole(Roles.BILLER) && !user.hasRole(Roles.MANAGER)
                && !user.hasRole(Roles.AUDITOR);
    }

    /** The biller's general queue: correct and resubmit, appeal, or write off. */
    @Transactional
    public DenialView resolve(long denialId, Resolution resolution) {
        Row row = openRow(denialId);
        ClaimView claim = claims.get(row.claimId());
        tasks.requireHeld(WORK_TASK, claim.claimNumber());
        switch (resolution.action()) {
            case RESUBMIT -> {
                reopenForResubmission(claim, resolution.lineCorrections() == null ? List.of() : resolution.lineCorrections());
                close(claim.id(), "RESUBMITTED", resolution.note());
            }
            case WRITE_OFF -> {
                claims.transition(claim.id(), ClaimStatus.WRITTEN_OFF);
                close(claim.id(), "WRITTEN_OFF", resolution.note());
            }
            // The denial stays open until the appeal goes out; the appeal sub-process takes it from here.
            case APPEAL -> note(claim.id(), resolution.note());
        }
        tasks.completeHeld(WORK_TASK, claim.claimNumber(), Map.of("denialResolution", resolution.action().name()));
        return get(denialId);
    }

    /** The coder's correction of a coding denial; the claim is scrubbed and sent again as a replacement. */
    @Transactional
    public DenialView recode(long denialId, Recode recode) {
        Row row = openRow(denialId);
        ClaimView claim = claims.get(row.claimId());
        tasks.requireHeld(RECODE_TASK, claim.claimNumber());
        reopenForResubmission(claim, recode.lineCorrections());
        close(claim.id(), "RESUBMITTED", recode.note());
        // Read while the coder still holds the task: once it is done, the denial is no longer theirs to read.
        DenialView recoded = get(denialId);
        tasks.completeHeld(RECODE_TASK, claim.claimNumber(), Map.of());
        return recoded;
    }

    /** The biller's correction of the member id the payer could not match. */
    @Transactional
    public DenialView fixRegistration(long denialId, RegistrationFix fix) {
        Row row = openRow(denialId);
        ClaimView claim = claims.get(row.claimId());
        tasks.requireHeld(REGISTRATION_TASK, claim.claimNumber());
        claims.correctMemberId(claim.id(), fix.memberId());
        claims.transition(claim.id(), ClaimStatus.DRAFT);
        close(claim.id(), "RESUBMITTED", fix.note());
        tasks.completeHeld(REGISTRATION_TASK, claim.claimNumber(), Map.of());
        return get(denialId);
    }

    /** The routing table said the patient owes it: the claim leaves the payer's hands. */
    @Transactional
    public void transferToPatient(String claimNumber) {
        long claimId = claimId(claimNumber);
        if (ClaimStatus.PATIENT_RESPONSIBILITY.name().equals(claims.get(claimId).status())) {
            return; // a retried job: already done
        }
        claims.transition(claimId, ClaimStatus.PATIENT_RESPONSIBILITY);
        jdbc.sql("""
                UPDATE denial SET status = 'PATIENT_BILLED', resolved_at = :now WHERE claim_id = :claim AND status = 'OPEN'""")
                .param("now", OffsetDateTime.now(ZoneOffset.UTC)).param("claim", claimId).update();
    }

    private void reopenForResubmission(ClaimView claim, List<org.relayrcm.claims.LineCorrection> corrections) {
        claims.correct(claim, corrections);
        // Back to draft: the process scrubs the corrected claim before it goes out again.
        claims.transition(claim.id(), ClaimStatus.DRAFT);
    }

    /** Every open denial of the claim is settled the same way: one claim, one correction. */
    private void close(long claimId, String status, String note) {
        jdbc.sql("""
                UPDATE denial SET status = :status, resolution_note = :note, resolved_by = :user, resolved_at = :now
                WHERE claim_id = :claim AND status = 'OPEN'""")
                .param("status", status).param("note", truncate(note, 2000)).param("user", user.id())
                .param("now", OffsetDateTime.now(ZoneOffset.UTC)).param("claim", claimId)
                .update();
    }

    private void note(long claimId, String note) {
        if (note != null && !note.isBlank()) {
            jdbc.sql("UPDATE denial SET resolution_note = :note WHERE claim_id = :claim AND status = 'OPEN'")
                    .param("note", truncate(note, 2000)).param("claim", claimId).update();
        }
    }

    private Row openRow(long denialId) {
        Row row = row(denialId);
        if (!"OPEN".equals(row.status())) {
            throw ApiException.conflict("This denial was already resolved (" + row.status() + ").");
        }
        return row;
    }

    private Row row(long denialId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM denial WHERE id = :id")
                .param("id", denialId).query(Row.class).optional()
                .orElseThrow(() -> ApiException.notFound("Denial " + denialId));
    }

    long claimId(String claimNumber) {
        return jdbc.sql("SELECT id FROM claim WHERE claim_number = :number").param("number", claimNumber)
                .query(Long.class).optional().orElseThrow(() -> new IllegalStateException("No claim " + claimNumber));
    }

    private static DenialView.Item item(Row r) {
        return new DenialView.Item(r.id(), r.lineNumber(), r.groupCode(), r.reasonCode(),
                ReasonCodes.describe(r.reasonCode()),
                r.remarkCodes() == null || r.remarkCodes().isBlank() ? List.of() : Arrays.asList(r.remarkCodes().split(",")),
                r.amountCents(), r.route(), r.routeReason(), r.status());
    }
}
