package org.relayrcm.shared.pdf;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;

import org.apache.pdfbox.pdmodel.font.encoding.GlyphList;
import org.apache.pdfbox.pdmodel.font.encoding.WinAnsiEncoding;

/**
 * Makes text printable in the standard 14 fonts, which only know WinAnsi (Latin-1 plus a few
 * typographic marks). A patient named Łukasz or 王芳 must still get a statement, so characters the
 * fonts cannot draw become their unaccented base letter where there is one, else '?', instead of
 * PDFBox throwing halfway through a document.
 */
public final class WinAnsiText {

    private static final char REPLACEMENT = '?';
    /** Latin letters with a stroke or bar have no Unicode decomposition; their base letter still reads right. */
    private static final String STROKED = "ŁłĐđĦħıŦŧ";
    private static final String UNSTROKED = "LlDdHhiTt";

    private WinAnsiText() {
    }

    public static String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> append(out, cp));
        return out.toString();
    }

    /** The same, one entry per line of the input, for text whose line breaks mean something. */
    public static List<String> safeKeepingLineBreaks(String text) {
        return Arrays.stream((text == null ? "" : text).split("\\R", -1)).map(WinAnsiText::safe).toList();
    }

    public static boolean encodable(int codePoint) {
        if (codePoint == ' ') {
            return true;
        }
        String name = GlyphList.getAdobeGlyphList().codePointToName(codePoint);
        return !".notdef".equals(name) && WinAnsiEncoding.INSTANCE.contains(name);
    }

    private static void append(StringBuilder out, int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            out.append(' ');
        } else if (Character.isISOControl(cp)) {
            return;
        } else if (encodable(cp)) {
            out.appendCodePoint(cp);
        } else {
            out.append(baseLetter(cp));
        }
    }

    /** "ő" decomposes to "o" plus a combining accent; keep the letter if the fonts know it. */
    private static String baseLetter(int cp) {
        int stroked = STROKED.indexOf(cp);
        if (stroked >= 0) {
            return String.valueOf(UNSTROKED.charAt(stroked));
        }
        String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
        StringBuilder kept = new StringBuilder();
        decomposed.codePoints()
                .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
                .forEach(c -> kept.append(encodable(c) ? new String(Character.toChars(c)) : ""));
        return kept.isEmpty() ? String.valueOf(REPLACEMENT) : kept.toString();
    }
}
