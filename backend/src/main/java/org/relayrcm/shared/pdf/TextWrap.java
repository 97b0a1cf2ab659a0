package org.relayrcm.shared.pdf;

import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.font.PDFont;

/** Breaks text into lines that fit a width: at spaces, and inside a word only if it alone is too wide. */
final class TextWrap {

    private TextWrap() {
    }

    static List<String> lines(String text, PDFont font, float fontSize, float width) {
        List<String> lines = new ArrayList<>();
        for (String hardLine : WinAnsiText.safeKeepingLineBreaks(text)) {
            wrap(hardLine, font, fontSize, width, lines);
        }
        return lines;
    }

    private static void wrap(String paragraph, PDFont font, float fontSize, float width, List<String> lines) {
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.trim().split(" +")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (PageWriter.textWidth(font, fontSize, candidate) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(breakLongWord(word, font, fontSize, width, lines));
        }
        lines.add(line.toString());
    }

    /** Emits full-width pieces of a word wider than the line and returns the remainder. */
    private static String breakLongWord(String word, PDFont font, float fontSize, float width, List<String> lines) {
        String rest = word;
        while (PageWriter.textWidth(font, fontSize, rest) > width && rest.length() > 1) {
            int fit = rest.length() - 1;
            while (fit > 1 && PageWriter.textWidth(font, fontSize, rest.substring(0, fit)) > width) {
                fit--;
            }
            lines.add(rest.substring(0, fit));
            rest = rest.substring(fit);
        }
        return rest;
    }
}
