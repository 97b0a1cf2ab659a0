package org.relayrcm.claims.scrub;

/**
 * One thing wrong with a claim: which rule found it, how bad it is, what is wrong and how to fix it, and
 * the claim line it is about (null for the whole claim). Messages name codes, never the patient.
 */
public record ScrubFinding(String ruleId, Severity severity, String message, String fix, Integer lineNumber) {

    /** An ERROR holds the claim back; a WARNING is shown to the biller and lets it go. */
    public enum Severity {
        ERROR, WARNING
    }

    static ScrubFinding error(String ruleId, String message, String fix) {
        return new ScrubFinding(ruleId, Severity.ERROR, message, fix, null);
    }

    static ScrubFinding warning(String ruleId, String message, String fix) {
        return new ScrubFinding(ruleId, Severity.WARNING, message, fix, null);
    }

    static ScrubFinding error(String ruleId, int lineNumber, String message, String fix) {
        return new ScrubFinding(ruleId, Severity.ERROR, message, fix, lineNumber);
    }

    static ScrubFinding warning(String ruleId, int lineNumber, String message, String fix) {
        return new ScrubFinding(ruleId, Severity.WARNING, message, fix, lineNumber);
    }
}
