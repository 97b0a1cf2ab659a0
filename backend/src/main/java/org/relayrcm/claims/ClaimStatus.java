package org.relayrcm.claims;

import java.util.EnumSet;
import java.util.Set;

/** Where a claim is in its life; each status names the ones it may move on from. */
public enum ClaimStatus {
    DRAFT,
    READY,
    SUBMITTED,
    PAID,
    DENIED,
    WRITTEN_OFF;

    Set<ClaimStatus> allowedFrom() {
        return switch (this) {
            case DRAFT -> EnumSet.noneOf(ClaimStatus.class);
            case READY -> EnumSet.of(DRAFT, DENIED);
            case SUBMITTED -> EnumSet.of(READY);
            case PAID, DENIED -> EnumSet.of(SUBMITTED);
            case WRITTEN_OFF -> EnumSet.of(DENIED);
        };
    }
}
