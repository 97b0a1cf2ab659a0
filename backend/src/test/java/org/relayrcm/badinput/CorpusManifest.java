package org.relayrcm.badinput;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the committed corpus manifest: RFC 4180 CSV (fields with commas or quotes are quoted, quotes doubled), a
 * header row, and {@code #} comment lines between rows.
 */
final class CorpusManifest {

    static final String RESOURCE = "/bad-input/manifest.csv";
    private static final List<String> HEADER =
            List.of("id", "method", "path", "role", "content_type", "input", "expected_status", "phrase");

    private CorpusManifest() {
    }

    static List<CorpusCase> load() {
        try (InputStream in = CorpusManifest.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<CorpusCase> parse(String csv) {
        List<List<String>> rows = rows(csv);
        if (rows.isEmpty() || !rows.get(0).equals(HEADER)) {
            throw new IllegalArgumentException("The manifest must start with the header " + String.join(",", HEADER));
        }
        List<CorpusCase> cases = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() != HEADER.size()) {
                throw new IllegalArgumentException("Row " + row + " has " + row.size() + " fields, not " + HEADER.size());
            }
            cases.add(new CorpusCase(row.get(0), row.get(1), row.get(2), row.get(3), row.get(4), row.get(5),
                    Integer.parseInt(row.get(6)), row.get(7)));
        }
        return cases;
    }

    private static List<List<String>> rows(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean atLineStart = true;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (atLineStart && !quoted && c == '#') {
                i = csv.indexOf('\n', i);
                if (i < 0) {
                    break;
                }
                continue;
            }
            atLineStart = false;
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                endRow(rows, row, field);
                row = new ArrayList<>();
                atLineStart = true;
            } else {
                field.append(c);
            }
        }
        endRow(rows, row, field);
        return rows;
    }

    private static void endRow(List<List<String>> rows, List<String> row, StringBuilder field) {
        if (row.isEmpty() && field.isEmpty()) {
            return;
        }
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
    }
}
