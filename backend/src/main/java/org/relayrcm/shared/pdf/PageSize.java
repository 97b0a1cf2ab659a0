package org.relayrcm.shared.pdf;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** The paper a letter is printed on: A4 for most of the world, Letter for US practices. */
public enum PageSize {
    A4(PDRectangle.A4),
    LETTER(PDRectangle.LETTER);

    final PDRectangle rectangle;

    PageSize(PDRectangle rectangle) {
        this.rectangle = rectangle;
    }
}
