package org.relayrcm.statements;

/** What the statement cycle does next for an open account, by its last notice of the current cycle. */
public enum NextStep {
    FIRST, REMINDER, FINAL, REVIEW;

    static NextStep after(NoticeKind lastNotice) {
        if (lastNotice == null) {
            return FIRST;
        }
        return switch (lastNotice) {
            case FIRST -> REMINDER;
            case REMINDER -> FINAL;
            case FINAL -> REVIEW;
        };
    }
}
