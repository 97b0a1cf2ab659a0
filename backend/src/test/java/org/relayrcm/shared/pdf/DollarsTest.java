package org.relayrcm.shared.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DollarsTest {

    @Test
    void formatsCentsWithThousandsSeparatorAndSign() {
        assertThat(Dollars.format(123456)).isEqualTo("$1,234.56");
        assertThat(Dollars.format(0)).isEqualTo("$0.00");
        assertThat(Dollars.format(-1200)).isEqualTo("-$12.00");
        assertThat(Dollars.format(Long.MAX_VALUE)).isEqualTo("$92,233,720,368,547,758.07");
    }
}
