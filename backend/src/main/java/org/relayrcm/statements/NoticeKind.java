package org.relayrcm.statements;

/** The notices of one statement cycle, in the order they go out. */
public enum NoticeKind {
    FIRST("Patient statement"),
    REMINDER("Payment reminder"),
    FINAL("Final notice");

    private final String title;

    NoticeKind(String title) {
        this.title = title;
    }

    /** The heading printed on the notice. */
    public String title() {
        return title;
    }
}
