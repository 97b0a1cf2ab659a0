package org.relayrcm.shared;

/** One finding about a request: which rule, how bad, which field, and what a clerk should do. */
public record ValidationError(String ruleId, Severity severity, String field, String message) {

    public enum Severity { ERROR, WARNING }

    public static ValidationError error(String ruleId, String field, String message) {
        return new ValidationError(ruleId, Severity.ERROR, field, message);
    }

    public static ValidationError warning(String ruleId, String field, String message) {
        return new ValidationError(ruleId, Severity.WARNING, field, message);
    }
}
