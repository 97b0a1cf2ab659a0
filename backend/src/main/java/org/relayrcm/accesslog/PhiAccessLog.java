package org.relayrcm.accesslog;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.relayrcm.security.CurrentUser;
import org.relayrcm.shared.PageRequestParams;
import org.relayrcm.shared.PageResponse;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records each time a person reads one patient's record through the API, and lets a manager search the
 * log. Each entry is written in its own transaction: reads run in read-only transactions, and an access
 * is logged even when the caller's work later fails.
 */
@Service
public class PhiAccessLog {

    public record Entry(long id, OffsetDateTime accessedAt, String userId, long patientId, String patientName,
            String resourceType, long resourceId) {
    }

    private final JdbcClient jdbc;
    private final CurrentUser user;
    private final TransactionTemplate ownTransaction;

    PhiAccessLog(JdbcClient jdbc, CurrentUser user, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.user = user;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Call after the read succeeded; an id that belongs to no patient records nothing. */
    public void recordRead(PhiResource resource, long resourceId) {
        String reader = user.id();
        ownTransaction.executeWithoutResult(status -> jdbc.sql(resource.patientOf).param("id", resourceId)
                .query(Long.class).optional()
                .ifPresent(patientId -> jdbc.sql("""
                        INSERT INTO phi_access (accessed_at, user_id, patient_id, resource_type, resource_id)
                        VALUES (:at, :user, :patient, :type, :resource)""")
                        .param("at", OffsetDateTime.now(ZoneOffset.UTC)).param("user", reader)
                        .param("patient", patientId).param("type", resource.name()).param("resource", resourceId)
                        .update()));
    }

    public PageResponse<Entry> search(Long patientId, String userId, LocalDate from, LocalDate to,
            PageRequestParams paging) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (patientId != null) {
            where.append(" AND a.patient_id = :patient");
            params.addValue("patient", patientId);
        }
        if (userId != null && !userId.isBlank()) {
            where.append(" AND a.user_id = :user");
            params.addValue("user", userId);
        }
        if (from != null) {
            where.append(" AND a.accessed_at >= :from");
            params.addValue("from", from.atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (to != null) {
            where.append(" AND a.accessed_at < :to");
            params.addValue("to", to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        params.addValue("limit", paging.size()).addValue("offset", paging.offset());
        List<Entry> rows = jdbc.sql("""
                SELECT a.id, a.accessed_at, a.user_id, a.patient_id, p.first_name || ' ' || p.last_name AS patient_name,
                       a.resource_type, a.resource_id
                FROM phi_access a JOIN patient p ON p.id = a.patient_id""" + where
                + " ORDER BY a.accessed_at DESC, a.id DESC LIMIT :limit OFFSET :offset")
                .paramSource(params).query(Entry.class).list();
        Long total = jdbc.sql("SELECT COUNT(*) FROM phi_access a" + where).paramSource(params).query(Long.class).single();
        return new PageResponse<>(rows, paging.page(), paging.size(), total);
    }
}
