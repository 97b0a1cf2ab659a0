package org.relayrcm.shared.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * A letter-style PDF built top to bottom: headings, address blocks, paragraphs and tables, in
 * Helvetica, flowing onto new pages as needed and numbered "Page i of n". Any text is accepted;
 * what the standard fonts cannot draw is replaced (see {@link WinAnsiText}).
 *
 * <pre>{@code
 * byte[] pdf = LetterDocument.on(PageSize.LETTER)
 *         .addressBlock("Lakeside Clinic", "12 Main St", "Springfield, IL 62701")
 *         .heading("Patient statement")
 *         .paragraph("Dear patient, ...")
 *         .table(Table.of(Column.text("Service", 3), Column.money("Charge", 1)).row("99213", "$120.00"))
 *         .toPdf();
 * }</pre>
 */
public final class LetterDocument {

    private static final float BODY_SIZE = 10.5f;
    private static final float HEADING_SIZE = 15;

    private final PageSize pageSize;
    private final List<Block> blocks = new ArrayList<>();
    private String title = "";

    private LetterDocument(PageSize pageSize) {
        this.pageSize = pageSize;
    }

    public static LetterDocument on(PageSize pageSize) {
        return new LetterDocument(pageSize);
    }

    /** The document title readers show in their window; keep it free of patient details. */
    public LetterDocument title(String title) {
        this.title = title;
        return this;
    }

    public LetterDocument heading(String text) {
        blocks.add(new TextBlock(text, HEADING_SIZE, true, BODY_SIZE));
        return this;
    }

    /** Lines of a postal address (or any short stacked lines), printed together. */
    public LetterDocument addressBlock(String... lines) {
        return addressBlock(Arrays.asList(lines));
    }

    public LetterDocument addressBlock(List<String> lines) {
        List<String> present = lines.stream().filter(l -> l != null && !l.isBlank()).toList();
        blocks.add(new TextBlock(String.join("\n", present), BODY_SIZE, false, BODY_SIZE));
        return this;
    }

    public LetterDocument paragraph(String text) {
        blocks.add(new TextBlock(text, BODY_SIZE, false, BODY_SIZE * 0.8f));
        return this;
    }

    /** A paragraph in bold, for the one sentence the reader must not miss. */
    public LetterDocument emphasis(String text) {
        blocks.add(new TextBlock(text, BODY_SIZE, true, BODY_SIZE * 0.8f));
        return this;
    }

    public LetterDocument table(Table table) {
        blocks.add(new TableBlock(table));
        return this;
    }

    public byte[] toPdf() {
        try (PDDocument document = new PDDocument()) {
            document.getDocumentInformation().setTitle(WinAnsiText.safe(title));
            PageWriter writer = new PageWriter(document, pageSize);
            writer.ensureRoom(0);
            blocks.forEach(block -> block.render(writer));
            writer.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
