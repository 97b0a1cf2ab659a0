package org.relayrcm.shared.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.relayrcm.shared.pdf.Table.Column;

class LetterDocumentTest {

    @Test
    void printsHeadingAddressParagraphsAndTable() throws IOException {
        byte[] pdf = LetterDocument.on(PageSize.LETTER)
                .title("Statement RC0000000001")
                .addressBlock("Lakeside Family Clinic", "12 Main St", null, "Springfield, IL 62701")
                .heading("Patient statement")
                .paragraph("Your insurance has paid its share.")
                .table(Table.of(Column.text("Service", 3), Column.money("Charge", 1))
                        .row("99213 Office visit", "$120.00")
                        .totalRow("Amount due", "$35.00"))
                .emphasis("Please pay by 2026-12-31.")
                .toPdf();

        String text = text(pdf);
        assertThat(text).contains("Lakeside Family Clinic\n12 Main St\nSpringfield, IL 62701")
                .contains("Patient statement").contains("Your insurance has paid its share.")
                .contains("99213 Office visit $120.00").contains("Amount due $35.00")
                .contains("Please pay by 2026-12-31.").contains("Page 1 of 1");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Statement RC0000000001");
            assertThat(document.getPage(0).getMediaBox().getWidth()).isEqualTo(612f);
        }
    }

    @Test
    void flowsOntoNewPagesAndRepeatsTheTableHeader() throws IOException {
        Table table = Table.of(Column.text("Service", 3), Column.money("Charge", 1));
        for (int i = 1; i <= 120; i++) {
            table.row("Service line " + i, Dollars.format(i * 100L));
        }

        byte[] pdf = LetterDocument.on(PageSize.A4).heading("Long statement").table(table).toPdf();

        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(2);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Service line 1 $1.00").contains("Service line 120 $120.00")
                    .contains("Page " + pages + " of " + pages);
            assertThat(occurrences(text, "Service Charge")).isEqualTo(pages);
        }
    }

    @Test
    void rightAlignsMoneyColumnsSoAmountsLineUp() throws IOException {
        byte[] pdf = LetterDocument.on(PageSize.A4)
                .table(Table.of(Column.text("Service", 3), Column.money("Charge", 1))
                        .row("Visit", "$1.00")
                        .row("Surgery", "$12,345.67"))
                .toPdf();

        List<Float> rightEdges = rightEdgesOf(pdf, "$1.00", "$12,345.67");

        assertThat(rightEdges).hasSize(2);
        assertThat(rightEdges.get(0)).isCloseTo(rightEdges.get(1), org.assertj.core.data.Offset.offset(0.5f));
    }

    @Test
    void wrapsLongParagraphsInsideTheMargins() throws IOException {
        String sentence = "This balance is what remains after your plan paid its share of the visit. ";
        String word = "Supercalifragilisticexpialidocious".repeat(8);

        byte[] pdf = LetterDocument.on(PageSize.A4).paragraph(sentence.repeat(12) + word).toPdf();

        List<Float> rightEdges = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            float limit = document.getPage(0).getMediaBox().getWidth() - PageWriter.MARGIN;
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    TextPosition last = positions.get(positions.size() - 1);
                    rightEdges.add(last.getXDirAdj() + last.getWidthDirAdj() - limit);
                    super.writeString(text, positions);
                }
            };
            String text = stripper.getText(document);
            assertThat(text.lines().count()).isGreaterThan(6);
            assertThat(text.replaceAll("\\s", "")).contains(word);
        }
        assertThat(rightEdges).isNotEmpty().allSatisfy(overshoot -> assertThat(overshoot).isLessThanOrEqualTo(0.5f));
    }

    @Test
    void printsNamesTheStandardFontsCannotEncodeWithoutFailing() throws IOException {
        byte[] pdf = LetterDocument.on(PageSize.A4)
                .addressBlock("王芳", "Żółć Łukasz", "Zoë Brontë\tApt 3")
                .paragraph("Dear Ms \u0627\u0644\u0639\u0644\u064a, thank you \u2013 \u201cpaid\u201d")
                .toPdf();

        String text = text(pdf);
        assertThat(text).contains("??").contains("Zólc Lukasz").contains("Zoë Brontë Apt 3")
                .contains("thank you \u2013 \u201cpaid\u201d");
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static int occurrences(String text, String needle) {
        Matcher matcher = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private static List<Float> rightEdgesOf(byte[] pdf, String... amounts) throws IOException {
        List<Float> edges = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    for (String amount : amounts) {
                        int at = text.indexOf(amount);
                        if (at >= 0) {
                            TextPosition last = positions.get(at + amount.length() - 1);
                            edges.add(last.getXDirAdj() + last.getWidthDirAdj());
                        }
                    }
                }
            }.getText(document);
        }
        return edges;
    }
}
