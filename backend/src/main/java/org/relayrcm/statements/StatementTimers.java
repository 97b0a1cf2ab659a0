package org.relayrcm.statements;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.TemporalAmount;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The pace of a statement cycle, read from configuration: patient-statement.bpmn waits on these, and the
 * statements print the matching due dates, so the date on paper and the next notice agree.
 */
@Component("statementTimers")
public class StatementTimers {

    private final String reminderAfter;
    private final String finalNoticeAfter;
    private final String reviewAfter;

    StatementTimers(@Value("${relay.statements.reminder-after:P30D}") String reminderAfter,
            @Value("${relay.statements.final-notice-after:P30D}") String finalNoticeAfter,
            @Value("${relay.statements.review-after:P30D}") String reviewAfter) {
        this.reminderAfter = requireIsoDuration("relay.statements.reminder-after", reminderAfter);
        this.finalNoticeAfter = requireIsoDuration("relay.statements.final-notice-after", finalNoticeAfter);
        this.reviewAfter = requireIsoDuration("relay.statements.review-after", reviewAfter);
    }

    /** How long after the first statement the reminder goes out (ISO-8601, e.g. P30D). */
    public String reminderAfter() {
        return reminderAfter;
    }

    /** How long after the reminder the final notice goes out. */
    public String finalNoticeAfter() {
        return finalNoticeAfter;
    }

    /** How long after the final notice an unpaid balance goes to a manager. */
    public String reviewAfter() {
        return reviewAfter;
    }

    /** The pay-by date printed on a notice sent on {@code sentOn}: the day the next step is due. */
    public LocalDate dueOn(NoticeKind kind, LocalDate sentOn) {
        String wait = switch (kind) {
            case FIRST -> reminderAfter;
            case REMINDER -> finalNoticeAfter;
            case FINAL -> reviewAfter;
        };
        TemporalAmount amount = parse(wait);
        if (amount instanceof Duration duration) {
            // Hours-long waits (tests, demos) are due the same day rather than at an odd hour.
            return sentOn.plusDays(duration.toDays());
        }
        return sentOn.plus(amount);
    }

    private static TemporalAmount parse(String value) {
        return value.contains("T") ? Duration.parse(value) : Period.parse(value);
    }

    private static String requireIsoDuration(String property, String value) {
        try {
            if (positive(parse(value))) {
                return value;
            }
        } catch (RuntimeException e) {
            // reported below, with the property's name
        }
        throw new IllegalArgumentException(property + " must be a positive ISO-8601 duration such as P30D or PT24H");
    }

    /** A zero or negative wait would send every notice at once. */
    private static boolean positive(TemporalAmount amount) {
        if (amount instanceof Duration duration) {
            return !duration.isNegative() && !duration.isZero();
        }
        Period period = (Period) amount;
        return !period.isNegative() && !period.isZero();
    }
}
