package org.relayrcm.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CodingAuditSettingsTest {

    @Test
    void auditsNothingByDefault() {
        CodingAuditSettings settings = new CodingAuditSettings();

        assertThat(settings.reason(10_000_000L, 0)).isEmpty();
    }

    @Test
    void alwaysAuditsChargesAtOrAboveTheThresholdWhateverTheRandomDraw() {
        CodingAuditSettings settings = new CodingAuditSettings();
        settings.setChargeThresholdCents(50_000L);

        assertThat(settings.reason(50_000L, 99)).contains("CHARGE_THRESHOLD");
        assertThat(settings.reason(49_999L, 99)).isEmpty();
    }

    @Test
    void samplesTheConfiguredPercentageOfDraws() {
        CodingAuditSettings settings = new CodingAuditSettings();
        settings.setSamplePercent(10);

        long sampled = java.util.stream.IntStream.range(0, 100).filter(roll -> settings.reason(100L, roll).isPresent())
                .count();

        assertThat(sampled).isEqualTo(10);
        assertThat(settings.reason(100L, 9)).contains("RANDOM");
        assertThat(settings.reason(100L, 10)).isEmpty();
    }

    @Test
    void samplesEveryCodingAtOneHundredPercent() {
        CodingAuditSettings settings = new CodingAuditSettings();
        settings.setSamplePercent(100);

        assertThat(settings.reason(0L, 99)).contains("RANDOM");
    }

    @Test
    void refusesPercentagesOutsideZeroToOneHundredAndNegativeThresholds() {
        CodingAuditSettings settings = new CodingAuditSettings();

        assertThatThrownBy(() -> settings.setSamplePercent(101)).hasMessageContaining("0 to 100");
        assertThatThrownBy(() -> settings.setSamplePercent(-1)).hasMessageContaining("0 to 100");
        assertThatThrownBy(() -> settings.setChargeThresholdCents(-5L)).hasMessageContaining("negative");
    }
}
