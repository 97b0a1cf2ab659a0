package org.relayrcm.shared.pdf;

import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.font.PDFont;

/** Draws a {@link Table}; a row never splits across pages, and each new page repeats the header. */
record TableBlock(Table table) implements Block {

    private static final float FONT_SIZE = 9.5f;
    private static final float LINE = FONT_SIZE * TextBlock.LEADING;
    private static final float PADDING = 4;

    @Override
    public void render(PageWriter writer) {
        float[] widths = columnWidths(writer.width());
        Table.Row header = new Table.Row(table.columns().stream().map(Table.Column::header).toList(), true);
        writer.ensureRoom(2 * LINE + 2 * PADDING);
        drawRow(writer, header, widths);
        for (Table.Row row : table.rows()) {
            List<List<String>> cells = wrapCells(writer, row, widths);
            float height = cells.stream().mapToInt(List::size).max().orElse(1) * LINE + PADDING;
            if (writer.ensureRoom(height)) {
                drawRow(writer, header, widths);
            }
            drawCells(writer, row, cells, widths);
        }
        writer.rule(writer.left(), writer.left() + writer.width());
        writer.moveDown(LINE);
    }

    private float[] columnWidths(float total) {
        double weights = table.columns().stream().mapToDouble(Table.Column::weight).sum();
        float[] widths = new float[table.columns().size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = (float) (total * table.columns().get(i).weight() / weights);
        }
        return widths;
    }

    private void drawRow(PageWriter writer, Table.Row row, float[] widths) {
        drawCells(writer, row, wrapCells(writer, row, widths), widths);
        writer.rule(writer.left(), writer.left() + writer.width());
        writer.moveDown(PADDING);
    }

    private List<List<String>> wrapCells(PageWriter writer, Table.Row row, float[] widths) {
        List<List<String>> cells = new ArrayList<>();
        for (int i = 0; i < widths.length; i++) {
            cells.add(TextWrap.lines(row.cells().get(i), font(writer, row), FONT_SIZE, widths[i] - 2 * PADDING));
        }
        return cells;
    }

    private void drawCells(PageWriter writer, Table.Row row, List<List<String>> cells, float[] widths) {
        PDFont font = font(writer, row);
        int height = 0;
        float x = writer.left();
        for (int i = 0; i < widths.length; i++) {
            List<String> lines = cells.get(i);
            for (int l = 0; l < lines.size(); l++) {
                writer.text(font, FONT_SIZE, cellX(lines.get(l), font, x, widths[i], i), l * LINE, lines.get(l));
            }
            height = Math.max(height, lines.size());
            x += widths[i];
        }
        writer.moveDown(height * LINE + PADDING);
    }

    private float cellX(String text, PDFont font, float x, float width, int column) {
        if (!table.columns().get(column).rightAligned()) {
            return x + PADDING;
        }
        return x + width - PADDING - PageWriter.textWidth(font, FONT_SIZE, text);
    }

    private static PDFont font(PageWriter writer, Table.Row row) {
        return row.bold() ? writer.bold : writer.regular;
    }
}
