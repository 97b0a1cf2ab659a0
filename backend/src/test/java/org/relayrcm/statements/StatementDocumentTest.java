package org.relayrcm.statements;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatementDocumentTest {

    @Test
    void printsNineDigitZipCodesAsZipPlusFour() {
        assertThat(StatementDocument.cityLine("Springfield", "IL", "627010001")).isEqualTo("Springfield, IL 62701-0001");
        assertThat(StatementDocument.cityLine("Springfield", "IL", "62701")).isEqualTo("Springfield, IL 62701");
    }

    @Test
    void leavesOutMissingPartsOfTheCityLine() {
        assertThat(StatementDocument.cityLine("Springfield", null, "62701")).isEqualTo("Springfield, 62701");
        assertThat(StatementDocument.cityLine(null, "IL", null)).isEqualTo("IL");
        assertThat(StatementDocument.cityLine(" ", null, null)).isEmpty();
    }

    @Test
    void printsTenDigitPhoneNumbersTheAmericanWay() {
        assertThat(StatementDocument.phone("2175550100")).isEqualTo("(217) 555-0100");
        assertThat(StatementDocument.phone("+44 20 7946 0958")).isEqualTo("+44 20 7946 0958");
    }
}
