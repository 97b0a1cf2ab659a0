package org.relayrcm.coding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The coding audit: an auditor marks each final code right or wrong, and may correct it. */
public final class CodingAudit {

    private CodingAudit() {
    }

    /** The auditor's verdict on one code, by its position (1 = principal diagnosis or first line). */
    public record Mark(@NotNull Integer position, @NotNull Boolean correct, @Size(max = 20) String correctedCode) {
    }

    public record Verdict(@NotNull @Size(max = 50) @Valid List<Mark> diagnoses,
            @NotNull @Size(max = 100) @Valid List<Mark> procedures) {
    }

    public record DiagnosisLine(int position, String code, String description, Boolean correct, String correctedCode) {
    }

    public record ProcedureLine(int position, String code, List<String> modifiers, int units,
            List<Integer> diagnosisPointers, Boolean correct, String correctedCode) {
    }

    public record View(long id, long codingCaseId, long encounterId, String encounterNumber, String patientName,
            LocalDate dateOfService, String documentation, String coder, Instant codedAt, String reason,
            long chargeCents, String status, Instant sampledAt, String auditor, Instant completedAt,
            List<DiagnosisLine> diagnoses, List<ProcedureLine> procedures) {
    }

    /** Share of audited codes found right; percent is null when nothing was audited. */
    public record Accuracy(int audited, int correct, Double percent) {

        static Accuracy of(int audited, int correct) {
            return new Accuracy(audited, correct,
                    audited == 0 ? null : Math.round(1000.0 * correct / audited) / 10.0);
        }
    }

    /** Accuracy per coder in the style of the NHS DSPT clinical coding audit. */
    public record AccuracyReport(String coder, LocalDate from, LocalDate to, int audits, Accuracy principalDiagnosis,
            Accuracy secondaryDiagnoses, Accuracy procedures) {
    }
}
