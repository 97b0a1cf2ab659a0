package org.relayrcm.coding;

import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which completed codings go to an auditor before the claim is built: a random percentage, plus every
 * coding whose charges reach a threshold. Both off by default; the demo and production set them.
 */
@ConfigurationProperties("relay.coding.audit")
public class CodingAuditSettings {

    /** Percentage (0-100) of codings sampled at random. */
    private int samplePercent;
    /** Codings with total charges at or above this many cents are always audited; null = no such rule. */
    private Long chargeThresholdCents;

    public int getSamplePercent() {
        return samplePercent;
    }

    public void setSamplePercent(int samplePercent) {
        if (samplePercent < 0 || samplePercent > 100) {
            throw new IllegalArgumentException("relay.coding.audit.sample-percent must be 0 to 100");
        }
        this.samplePercent = samplePercent;
    }

    public Long getChargeThresholdCents() {
        return chargeThresholdCents;
    }

    public void setChargeThresholdCents(Long chargeThresholdCents) {
        if (chargeThresholdCents != null && chargeThresholdCents < 0) {
            throw new IllegalArgumentException("relay.coding.audit.charge-threshold-cents must not be negative");
        }
        this.chargeThresholdCents = chargeThresholdCents;
    }

    /**
     * Why a coding is audited, if it is: the charge rule first (it is not left to chance), then the
     * random sample. {@code roll} is a uniform draw from 0 to 99.
     */
    Optional<String> reason(long chargeCents, int roll) {
        if (chargeThresholdCents != null && chargeCents >= chargeThresholdCents) {
            return Optional.of("CHARGE_THRESHOLD");
        }
        if (roll < samplePercent) {
            return Optional.of("RANDOM");
        }
        return Optional.empty();
    }
}
