package org.relayrcm.edi;

/** DMG03 administrative sex as X12 codes it. */
public enum Sex {
    FEMALE("F"),
    MALE("M"),
    UNKNOWN("U");

    private final String code;

    Sex(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
