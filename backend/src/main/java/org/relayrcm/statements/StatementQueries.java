package org.relayrcm.statements;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.relayrcm.shared.ApiException;
import org.relayrcm.shared.PageRequestParams;
import org.relayrcm.shared.PageResponse;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads patient accounts for the billers' list and for one account's page. */
@Service
public class StatementQueries {

    /** The columns both reads share: the account, its patient, its payments and its last notice this cycle. */
    private static final String ACCOUNT_SELECT = """
            SELECT s.id, s.claim_id, c.claim_number, p.first_name || ' ' || p.last_name AS patient_name,
                   py.name AS payer_name, c.date_of_service, c.total_charge_cents,
                   COALESCE(c.paid_cents, 0) AS insurance_paid_cents, s.billed_cents,
                   COALESCE((SELECT SUM(pp.amount_cents) FROM patient_payment pp WHERE pp.statement_id = s.id), 0)
                       AS paid_cents,
                   s.status, s.cycle_number, n.kind AS last_notice, n.sent_at AS last_notice_sent_at,
                   n.due_on AS last_notice_due_on
            FROM patient_statement s
            JOIN claim c ON c.id = s.claim_id
            JOIN encounter e ON e.id = c.encounter_id
            JOIN patient p ON p.id = e.patient_id
            LEFT JOIN payer py ON py.id = c.payer_id
            LEFT JOIN statement_notice n ON n.id = (SELECT MAX(n2.id) FROM statement_notice n2
                WHERE n2.statement_id = s.id AND n2.cycle_number = s.cycle_number)
            """;

    private record AccountRow(long id, long claimId, String claimNumber, String patientName, String payerName,
            LocalDate dateOfService, long totalChargeCents, long insurancePaidCents, long billedCents, long paidCents,
            StatementStatus status, int cycleNumber, NoticeKind lastNotice, OffsetDateTime lastNoticeSentAt,
            LocalDate lastNoticeDueOn) {

        NextStep nextStep() {
            return status == StatementStatus.OPEN ? NextStep.after(lastNotice) : null;
        }

        LocalDate nextStepDue() {
            return status == StatementStatus.OPEN ? lastNoticeDueOn : null;
        }
    }

    private record LineRow(int lineNumber, String procedureCode, String modifiers, int units, long chargeCents,
            Long paidCents) {
    }

    private final JdbcClient jdbc;
    private final ServiceDescriptions descriptions;

    StatementQueries(JdbcClient jdbc, ServiceDescriptions descriptions) {
        this.jdbc = jdbc;
        this.descriptions = descriptions;
    }

    @Transactional(readOnly = true)
    public PageResponse<StatementSummary> list(StatementStatus status, PageRequestParams paging) {
        String where = status == null ? "" : " WHERE s.status = :status";
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("status", status == null ? null : status.name())
                .addValue("limit", paging.size()).addValue("offset", paging.offset());
        List<StatementSummary> rows = jdbc.sql(ACCOUNT_SELECT + where + " ORDER BY s.id LIMIT :limit OFFSET :offset")
                .paramSource(params).query(AccountRow.class).list().stream()
                .map(r -> new StatementSummary(r.id(), r.claimNumber(), r.patientName(), r.billedCents(),
                        r.paidCents(), r.billedCents() - r.paidCents(), r.status(), r.lastNotice(),
                        r.lastNoticeSentAt(), r.nextStep(), r.nextStepDue()))
                .toList();
        Long total = jdbc.sql("SELECT COUNT(*) FROM patient_statement s" + where).paramSource(params)
                .query(Long.class).single();
        return new PageResponse<>(rows, paging.page(), paging.size(), total);
    }

    @Transactional(readOnly = true)
    public StatementView get(long id) {
        AccountRow r = jdbc.sql(ACCOUNT_SELECT + " WHERE s.id = :id").param("id", id).query(AccountRow.class)
                .optional().orElseThrow(() -> ApiException.notFound("Statement " + id));
        return new StatementView(r.id(), r.claimId(), r.claimNumber(), r.patientName(), r.payerName(),
                r.dateOfService(), r.totalChargeCents(), r.insurancePaidCents(),
                Math.max(0, r.totalChargeCents() - r.insurancePaidCents() - r.billedCents()), r.billedCents(),
                r.paidCents(), r.billedCents() - r.paidCents(), r.status(), r.cycleNumber(), r.nextStep(),
                r.nextStepDue(), lines(r.claimId(), r.dateOfService()), notices(id), payments(id), reviews(id));
    }

    private List<StatementView.Line> lines(long claimId, LocalDate dateOfService) {
        List<LineRow> rows = jdbc.sql("""
                SELECT line_number, procedure_code, modifiers, units, charge_cents, paid_cents
                FROM claim_line WHERE claim_id = :claim ORDER BY line_number""")
                .param("claim", claimId).query(LineRow.class).list();
        Map<String, String> named = descriptions.describe(rows.stream().map(LineRow::procedureCode).toList(),
                dateOfService);
        return rows.stream().map(l -> new StatementView.Line(l.lineNumber(), l.procedureCode(), l.modifiers(),
                named.get(l.procedureCode()), l.units(), l.chargeCents(), l.paidCents())).toList();
    }

    private List<StatementView.Notice> notices(long id) {
        return jdbc.sql("""
                SELECT cycle_number, kind, amount_due_cents, due_on, sent_at FROM statement_notice
                WHERE statement_id = :id ORDER BY id""")
                .param("id", id).query(StatementView.Notice.class).list();
    }

    private List<StatementView.Payment> payments(long id) {
        return jdbc.sql("""
                SELECT id, amount_cents, method, reference, received_on, recorded_by, recorded_at FROM patient_payment
                WHERE statement_id = :id ORDER BY received_on, id""")
                .param("id", id).query(StatementView.Payment.class).list();
    }

    private List<StatementView.Review> reviews(long id) {
        return jdbc.sql("""
                SELECT cycle_number, decision, note, decided_by, decided_at FROM statement_review
                WHERE statement_id = :id ORDER BY cycle_number""")
                .param("id", id).query(StatementView.Review.class).list();
    }
}
