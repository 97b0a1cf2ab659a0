package org.relayrcm.shared.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The pen: a cursor moving down the current page, which starts a fresh page when the next piece
 * of content would run into the bottom margin. Every string passes through {@link WinAnsiText}.
 */
final class PageWriter {

    static final float MARGIN = 56;
    private static final float FOOTER_ROOM = 24;
    private static final float FOOTER_SIZE = 8;

    final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private final PDDocument document;
    private final PDRectangle size;
    private PDPageContentStream stream;
    private float y;

    PageWriter(PDDocument document, PageSize pageSize) {
        this.document = document;
        this.size = pageSize.rectangle;
    }

    float left() {
        return MARGIN;
    }

    float width() {
        return size.getWidth() - 2 * MARGIN;
    }

    /** Starts a new page unless {@code height} points still fit above the bottom margin. */
    boolean ensureRoom(float height) {
        if (stream != null && y - height >= MARGIN + FOOTER_ROOM) {
            return false;
        }
        newPage();
        return true;
    }

    void moveDown(float height) {
        y -= height;
    }

    /** Draws one line whose top is the cursor; {@code x} is the left edge of the text. */
    void text(PDFont font, float fontSize, float x, String text) {
        text(font, fontSize, x, 0, text);
    }

    /** Draws one line whose top is {@code below} points under the cursor, leaving the cursor put. */
    void text(PDFont font, float fontSize, float x, float below, String text) {
        try {
            stream.beginText();
            stream.setFont(font, fontSize);
            stream.newLineAtOffset(x, y - below - fontSize);
            stream.showText(WinAnsiText.safe(text));
            stream.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void rule(float fromX, float toX) {
        try {
            stream.setLineWidth(0.5f);
            stream.moveTo(fromX, y);
            stream.lineTo(toX, y);
            stream.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static float textWidth(PDFont font, float fontSize, String text) {
        try {
            return font.getStringWidth(WinAnsiText.safe(text)) / 1000 * fontSize;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the last page and stamps "Page i of n" in each page's bottom margin. */
    void finish() {
        closeStream();
        int pages = document.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            String label = "Page " + (i + 1) + " of " + pages;
            float x = size.getWidth() - MARGIN - textWidth(regular, FOOTER_SIZE, label);
            try (PDPageContentStream footer = new PDPageContentStream(
                    document, document.getPage(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
                footer.beginText();
                footer.setFont(regular, FOOTER_SIZE);
                footer.newLineAtOffset(x, MARGIN);
                footer.showText(label);
                footer.endText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void newPage() {
        closeStream();
        PDPage page = new PDPage(size);
        document.addPage(page);
        try {
            stream = new PDPageContentStream(document, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = size.getHeight() - MARGIN;
    }

    private void closeStream() {
        if (stream == null) {
            return;
        }
        try {
            stream.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stream = null;
    }
}
