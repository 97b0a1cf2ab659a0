package org.relayrcm.shared.pdf;

import java.util.ArrayList;
import java.util.List;

/**
 * A simple ruled table: a header row, body rows and optional bold total rows. Text columns wrap;
 * money columns are right-aligned so the decimal points line up.
 */
public final class Table {

    /** A column's share of the line width is its weight over the sum of all weights. */
    public record Column(String header, float weight, boolean rightAligned) {

        public Column {
            if (weight <= 0) {
                throw new IllegalArgumentException("A column needs a positive weight");
            }
        }

        public static Column text(String header, float weight) {
            return new Column(header, weight, false);
        }

        public static Column money(String header, float weight) {
            return new Column(header, weight, true);
        }
    }

    record Row(List<String> cells, boolean bold) {
    }

    private final List<Column> columns;
    private final List<Row> rows = new ArrayList<>();

    private Table(List<Column> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("A table needs at least one column");
        }
        this.columns = List.copyOf(columns);
    }

    public static Table of(Column... columns) {
        return new Table(List.of(columns));
    }

    public Table row(String... cells) {
        return add(cells, false);
    }

    /** A totals line, e.g. "Amount due", printed bold. */
    public Table totalRow(String... cells) {
        return add(cells, true);
    }

    private Table add(String[] cells, boolean bold) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException(
                    "A row needs " + columns.size() + " cells, got " + cells.length);
        }
        List<String> safe = new ArrayList<>(cells.length);
        for (String cell : cells) {
            safe.add(cell == null ? "" : cell);
        }
        rows.add(new Row(List.copyOf(safe), bold));
        return this;
    }

    List<Column> columns() {
        return columns;
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }
}
