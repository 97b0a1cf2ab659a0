package org.relayrcm.shared;

/** Fitting outside text (a payer's file, a coder's draft) into the columns that hold it. */
public final class Text {

    private Text() {
    }

    /** The first {@code max} characters; null stays null. */
    public static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
