package org.relayrcm.edi;

/** ISA15: whether the receiver must treat the interchange as test data or production data. */
public enum UsageIndicator {
    TEST("T"),
    PRODUCTION("P");

    private final String code;

    UsageIndicator(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
