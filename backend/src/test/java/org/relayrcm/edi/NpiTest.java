package org.relayrcm.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpiTest {

    @Test
    void acceptsTheCmsExampleNpi() {
        // CMS's worked example in "Requirements for NPI check digit": 123456789 -> check digit 3.
        assertThat(Npi.isValid("1234567893")).isTrue();
        assertThat(Npi.checkDigit("123456789")).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1112223338", "1122334455", "1245319599"})
    void acceptsWellFormedNpisFromPublicSampleFiles(String npi) {
        assertThat(Npi.isValid(npi)).isTrue();
    }

    @ParameterizedTest
    // 1234567890 and 9999999999 fill the NPI fields of many public 837 samples; neither is a real NPI.
    @ValueSource(strings = {"1234567890", "9999999999", "1234567894", "2234567893", "1234567839"})
    void rejectsAWrongCheckDigitOrASwappedPair(String npi) {
        assertThat(Npi.isValid(npi)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "123456789", "12345678931", "12345678A3", " 234567893"})
    void rejectsAnythingThatIsNotTenDigits(String npi) {
        assertThat(Npi.isValid(npi)).isFalse();
    }

    @Test
    void rejectsNull() {
        assertThat(Npi.isValid(null)).isFalse();
    }

    @Test
    void computesTheCheckDigitThatMakesAnNpiValid() {
        for (String prefix : new String[] {"100000000", "987654321", "555555555"}) {
            assertThat(Npi.isValid(prefix + Npi.checkDigit(prefix))).as(prefix).isTrue();
        }
    }

    @Test
    void refusesToComputeACheckDigitForTheWrongLength() {
        assertThatThrownBy(() -> Npi.checkDigit("12345")).isInstanceOf(IllegalArgumentException.class);
    }
}
