package org.relayrcm.shared.pdf;

/** One piece of a letter, drawing itself with the page writer from wherever the cursor stands. */
interface Block {

    void render(PageWriter writer);
}
