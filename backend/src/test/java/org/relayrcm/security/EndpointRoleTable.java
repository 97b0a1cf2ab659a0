package org.relayrcm.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The committed decision of who may call what ({@code security/endpoint-roles.csv}): one row per method and path,
 * one column per role with the answer security gives that role. {@link EndpointRoleTableIT} checks it against the
 * running application.
 */
record EndpointRoleTable(List<Row> rows) {

    static final String RESOURCE = "/security/endpoint-roles.csv";

    /** The columns, in order; each names the test user who signs in for it (null: nobody signs in). */
    enum Role {
        ANONYMOUS(null), CODER("coder"), BILLER("biller"), MANAGER("manager"), AUDITOR("auditor"),
        PHYSICIAN("physician"), INTAKE("ehr"), ADMIN("admin");

        final String user;

        Role(String user) {
            this.user = user;
        }

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What security answered: let the request through to the application, or refused it and how. */
    static final Set<String> OUTCOMES = Set.of("allowed", "404", "403", "401");

    /**
     * Where the row's path is served. {@code mvc}: a handler mapping of the application, so the table must list
     * exactly the running set. {@code servlet}: outside Spring MVC (the engine's REST API, Camunda's webapps, the
     * static shell, sign-in and sign-out), answered by whoever it lets in. {@code absent}: must not be served at all
     * (an actuator endpoint nobody exposed, say), so nobody may be let through.
     */
    enum Source { MVC, SERVLET, ABSENT }

    record Row(int line, String method, String path, Source source, Map<Role, String> expected) {

        String key() {
            return method + " " + path;
        }
    }

    static EndpointRoleTable load() {
        try (InputStream in = EndpointRoleTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static EndpointRoleTable parse(String csv) {
        List<Row> rows = new ArrayList<>();
        String[] lines = csv.split("\\R");
        boolean header = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (header) {
                requireHeader(cells);
                header = false;
                continue;
            }
            if (cells.length != 3 + Role.values().length) {
                throw new IllegalArgumentException("Line " + (i + 1) + " has " + cells.length + " cells: " + line);
            }
            Map<Role, String> expected = new LinkedHashMap<>();
            for (Role role : Role.values()) {
                String outcome = cells[3 + role.ordinal()].strip();
                if (!OUTCOMES.contains(outcome)) {
                    throw new IllegalArgumentException("Line " + (i + 1) + ": '" + outcome + "' is not one of " + OUTCOMES);
                }
                expected.put(role, outcome);
            }
            rows.add(new Row(i + 1, cells[0].strip(), cells[1].strip(),
                    Source.valueOf(cells[2].strip().toUpperCase(java.util.Locale.ROOT)), expected));
        }
        return new EndpointRoleTable(List.copyOf(rows));
    }

    private static void requireHeader(String[] cells) {
        List<String> expected = new ArrayList<>(List.of("method", "path", "source"));
        for (Role role : Role.values()) {
            expected.add(role.column());
        }
        if (!expected.equals(List.of(cells).stream().map(String::strip).toList())) {
            throw new IllegalArgumentException("The header must be " + String.join(",", expected));
        }
    }

    /** A row as the table spells it, for a failure message someone can review and paste. */
    static String line(String method, String path, Source source, Map<Role, String> outcomes) {
        StringBuilder line = new StringBuilder(method).append(',').append(path).append(',')
                .append(source.name().toLowerCase(java.util.Locale.ROOT));
        for (Role role : Role.values()) {
            line.append(',').append(outcomes.getOrDefault(role, "?"));
        }
        return line.toString();
    }
}
