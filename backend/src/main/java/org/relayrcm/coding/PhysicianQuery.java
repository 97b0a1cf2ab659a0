package org.relayrcm.coding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A coder's question to the physician about the documentation, and the physician's answer. */
public final class PhysicianQuery {

    /** Offered on every query, so that no question forces the physician towards a code. */
    public static final String CLINICALLY_UNDETERMINED = "Clinically undetermined";
    static final int MAX_OPTIONS = 10;

    private PhysicianQuery() {
    }

    /** What the coder asks: a non-leading question with multiple-choice answers. */
    public record Raise(@NotNull @Size(max = 2000) String question,
            @NotNull @Size(max = MAX_OPTIONS) List<@Size(max = 200) String> options, boolean allowFreeText) {
    }

    /** What the physician answers: one of the options, free text where allowed, or both. */
    public record Answer(@Size(max = 200) String choice, @Size(max = 2000) String freeText) {
    }

    /** The query as the physician's form and the metrics read it. */
    public record View(long id, long codingCaseId, long encounterId, String encounterNumber, String patientName,
            LocalDate dateOfService, String documentation, String status, String question, List<String> options,
            boolean allowFreeText, String askedBy, Instant askedAt, Instant escalatedAt, String answeredBy,
            Instant answeredAt, String answerChoice, String answerFreeText) {
    }
}
