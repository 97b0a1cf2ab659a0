package org.relayrcm.shared.pdf;

import java.util.List;

import org.apache.pdfbox.pdmodel.font.PDFont;

/** Headings, address blocks and paragraphs: wrapped lines in one font, then some space. */
record TextBlock(String text, float fontSize, boolean bold, float spaceAfter) implements Block {

    static final float LEADING = 1.3f;

    @Override
    public void render(PageWriter writer) {
        PDFont font = bold ? writer.bold : writer.regular;
        List<String> lines = TextWrap.lines(text, font, fontSize, writer.width());
        for (String line : lines) {
            writer.ensureRoom(fontSize * LEADING);
            writer.text(font, fontSize, writer.left(), line);
            writer.moveDown(fontSize * LEADING);
        }
        writer.moveDown(spaceAfter);
    }
}
