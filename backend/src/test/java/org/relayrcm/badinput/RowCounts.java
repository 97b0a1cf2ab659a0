package org.relayrcm.badinput;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The row count of every table a request could write: all of our domain tables (read from the schema, so a new
 * table is counted without anyone remembering to add it) and the engine's running executions, tasks and jobs.
 */
final class RowCounts {

    private static final List<String> ENGINE_TABLES = List.of("act_ru_execution", "act_ru_task", "act_ru_job",
            "act_ru_variable", "act_ru_incident");

    private final JdbcTemplate jdbc;
    private final String query;

    RowCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        List<String> tables = jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                  AND table_name NOT LIKE 'act\\_%' AND table_name <> 'flyway_schema_history'
                ORDER BY table_name""", String.class);
        List<String> all = new java.util.ArrayList<>(tables);
        all.addAll(ENGINE_TABLES);
        // One round trip for all of them: the corpus counts before and after every case.
        this.query = all.stream().map(t -> "SELECT '" + t + "' AS t, COUNT(*) AS n FROM " + t)
                .collect(Collectors.joining(" UNION ALL "));
    }

    Map<String, Long> snapshot() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query(query, rs -> {
            counts.put(rs.getString("t"), rs.getLong("n"));
        });
        return counts;
    }
}
