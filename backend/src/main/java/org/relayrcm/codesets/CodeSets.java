package org.relayrcm.codesets;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.relayrcm.shared.PageResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Looks codes up in the imported code sets. Codes are kept without the ICD-10-CM dot. */
@Service
public class CodeSets {

    private final JdbcClient jdbc;

    CodeSets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, CodeEntry> find(CodeSystem system, Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT code, description, billable FROM code_set_entry WHERE code_system = :system AND code IN (:codes)")
                .param("system", system.name())
                .param("codes", codes)
                .query((rs, n) -> new CodeEntry(system, rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                .list().stream()
                .collect(Collectors.toMap(CodeEntry::code, Function.identity()));
    }

    /** Codes that start with the text, then titles that contain it: what a coder types first is usually the code. */
    public PageResponse<CodeEntry> search(CodeSystem system, String text, int size) {
        String q = text == null ? "" : text.trim();
        String code = q.replace(".", "").toUpperCase(Locale.ROOT);
        List<CodeEntry> found = jdbc.sql("""
                SELECT code, description, billable FROM code_set_entry
                WHERE code_system = :system
                  AND (code LIKE :prefix OR LOWER(description) LIKE :contains)
                ORDER BY CASE WHEN code LIKE :prefix THEN 0 ELSE 1 END, code
                LIMIT :limit""")
                .param("system", system.name())
                .param("prefix", escape(code) + "%")
                .param("contains", "%" + escape(q.toLowerCase(Locale.ROOT)) + "%")
                .param("limit", size)
                .query((rs, n) -> new CodeEntry(system, rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                .list();
        return new PageResponse<>(found, 0, size, null);
    }

    private static String escape(String like) {
        return like.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
