package org.relayrcm.codesets;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.relayrcm.shared.PageResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Looks codes up in the code set version in force on a date. Codes are kept without the ICD dot.
 * <p>
 * Version choice: among imported versions, the one whose range covers the date, else the newest that
 * started before it (so the newest stays in force past its end date until a newer one is imported). The
 * curated seed is used only while a system has no imported version. Versions are held in memory
 * ({@link CodeSetSnapshot}); the list of versions is re-read every few seconds so that an import on another
 * node is seen.
 */
@Service
public class CodeSets {

    private static final long VERSION_LIST_TTL_MILLIS = 5_000;

    private final JdbcClient jdbc;
    private final Map<Long, CodeSetSnapshot> snapshots = new ConcurrentHashMap<>();
    private volatile List<CodeSetVersion> versions;
    private volatile long versionsReadAt;

    CodeSets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The codes found in the version in force today (a missing code is simply absent from the map). */
    public Map<String, CodeEntry> find(CodeSystem system, Collection<String> codes) {
        return find(system, codes, LocalDate.now());
    }

    /** The codes found in the version in force on the date of service and valid on that date. */
    public Map<String, CodeEntry> find(CodeSystem system, Collection<String> codes, LocalDate dateOfService) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        Optional<CodeSetSnapshot> snapshot = inForce(system, dateOfService);
        if (snapshot.isEmpty()) {
            return Map.of();
        }
        Map<String, CodeEntry> found = new LinkedHashMap<>();
        for (String code : codes) {
            if (code != null && snapshot.get().validOn(code, dateOfService)) {
                snapshot.get().entry(code).ifPresent(e -> found.put(e.code(), e));
            }
        }
        return found;
    }

    /** The old lookup ({@code GET /api/codes}): today's version. */
    public PageResponse<CodeEntry> search(CodeSystem system, String text, int size) {
        List<CodeEntry> found = search(system, text, LocalDate.now(), size).content().stream()
                .map(m -> new CodeEntry(m.system(), m.code(), m.description(), m.billable())).toList();
        return new PageResponse<>(found, 0, size, null);
    }

    /** Search as the coding workbench uses it; see {@link CodeSetSnapshot#search}. */
    public PageResponse<CodeMatch> search(CodeSystem system, String text, LocalDate dateOfService, int limit) {
        List<CodeMatch> found = inForce(system, dateOfService)
                .map(s -> s.search(text, dateOfService, limit))
                .orElse(List.of());
        return new PageResponse<>(found, 0, limit, null);
    }

    /** The version in force on the date, loaded in memory; empty when the system has none for that date. */
    public Optional<CodeSetSnapshot> inForce(CodeSystem system, LocalDate date) {
        return versionFor(system, date).map(this::snapshot);
    }

    public Optional<CodeSetVersion> versionFor(CodeSystem system, LocalDate date) {
        List<CodeSetVersion> ofSystem = versions().stream().filter(v -> v.system() == system).toList();
        List<CodeSetVersion> imported = ofSystem.stream().filter(v -> !v.seed()).toList();
        Comparator<CodeSetVersion> newest = Comparator.comparing(CodeSetVersion::effectiveFrom)
                .thenComparingLong(CodeSetVersion::id);
        if (!imported.isEmpty()) {
            Optional<CodeSetVersion> covering = imported.stream().filter(v -> v.covers(date)).max(newest);
            if (covering.isPresent()) {
                return covering;
            }
            Optional<CodeSetVersion> started = imported.stream().filter(v -> !date.isBefore(v.effectiveFrom())).max(newest);
            if (started.isPresent()) {
                return started;
            }
        }
        return ofSystem.stream().filter(CodeSetVersion::seed).filter(v -> !date.isBefore(v.effectiveFrom())).max(newest);
    }

    /** Every version, newest first per system. */
    public List<CodeSetVersion> versions() {
        List<CodeSetVersion> list = versions;
        if (list == null || System.currentTimeMillis() - versionsReadAt > VERSION_LIST_TTL_MILLIS) {
            list = jdbc.sql("""
                    SELECT id, code_system, label, source_file, file_sha256, effective_from, effective_to, seed,
                           code_count, billable_count, exclusion_count, imported_at, imported_by
                    FROM code_set_version ORDER BY code_system, effective_from DESC, id DESC""")
                    .query((rs, n) -> new CodeSetVersion(rs.getLong(1), CodeSystem.valueOf(rs.getString(2)),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class),
                            rs.getObject(7, LocalDate.class), rs.getBoolean(8), rs.getInt(9), rs.getInt(10),
                            rs.getInt(11), rs.getObject(12, OffsetDateTime.class), rs.getString(13)))
                    .list();
            versions = list;
            versionsReadAt = System.currentTimeMillis();
        }
        return list;
    }

    /** The versions that list the code: "valid in FY2017, not on this date". */
    public List<CodeSetVersion> versionsListing(CodeSystem system, String code) {
        List<Long> ids = jdbc.sql("SELECT version_id FROM code_set_code WHERE code = :code")
                .param("code", system.normalize(code)).query(Long.class).list();
        return versions().stream().filter(v -> v.system() == system && ids.contains(v.id())).toList();
    }

    /** After an import: re-read the version list now. Snapshots of versions never change, so they stay. */
    void versionsChanged() {
        versions = null;
    }

    private CodeSetSnapshot snapshot(CodeSetVersion version) {
        return snapshots.computeIfAbsent(version.id(), id -> load(version));
    }

    private CodeSetSnapshot load(CodeSetVersion version) {
        List<CodeSetSnapshot.Row> rows = jdbc.sql("""
                SELECT code, description, billable, valid_from, valid_to FROM code_set_code WHERE version_id = :id""")
                .param("id", version.id())
                .query((rs, n) -> new CodeSetSnapshot.Row(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)))
                .list();
        List<CodeSetSnapshot.Exclusion> exclusions = jdbc.sql("""
                SELECT code, excluded_from, excluded_to FROM code_set_exclusion WHERE version_id = :id""")
                .param("id", version.id())
                .query((rs, n) -> new CodeSetSnapshot.Exclusion(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
        return new CodeSetSnapshot(version, rows, exclusions);
    }
}
