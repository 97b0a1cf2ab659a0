package org.relayrcm.shared.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WinAnsiTextTest {

    @Test
    void keepsLatinOneAndTypographicMarks() {
        assertThat(WinAnsiText.safe("José Müller – “Ø” €5")).isEqualTo("José Müller – “Ø” €5");
    }

    @Test
    void dropsAccentsTheFontsLackAndReplacesWhatHasNoBaseLetter() {
        assertThat(WinAnsiText.safe("Dvořák Łódź Đorđe")).isEqualTo("Dvorák Lódz Dorde");
        assertThat(WinAnsiText.safe("王芳")).isEqualTo("??");
    }

    @Test
    void turnsWhitespaceIntoSpacesAndDropsControlCharacters() {
        assertThat(WinAnsiText.safe("a\tb\u00a0c\u0007d\ne")).isEqualTo("a b cd e");
        assertThat(WinAnsiText.safe(null)).isEmpty();
    }

    @Test
    void keepsLineBreaksWhenAsked() {
        assertThat(WinAnsiText.safeKeepingLineBreaks("12 Main St\r\nSpringfield\u2028IL")).containsExactly("12 Main St", "Springfield", "IL");
    }
}
