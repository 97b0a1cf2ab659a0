package org.relayrcm.coding.workflow;

import java.time.Duration;
import java.time.Period;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Timer settings of the physician query loop in revenue-cycle, read from configuration. */
@Component("queryTimers")
public class QueryTimers {

    private final String escalateAfter;

    QueryTimers(@Value("${relay.coding.query.escalate-after:P2D}") String escalateAfter) {
        try {
            if (escalateAfter.contains("T")) {
                Duration.parse(escalateAfter);
            } else {
                Period.parse(escalateAfter);
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("relay.coding.query.escalate-after must be an ISO-8601 duration such as P2D");
        }
        this.escalateAfter = escalateAfter;
    }

    /** How long a physician has to answer before managers are added to the query (ISO-8601, e.g. P2D). */
    public String escalateAfter() {
        return escalateAfter;
    }
}
