package org.relayrcm.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A user task as the task list shows it: engine facts plus the claim or encounter it is about, and the
 * record each kind of task works on (physician query, coding audit, posting exception, patient statement, appeal,
 * write-off request).
 */
public record TaskView(
        String id,
        String name,
        String taskDefinitionKey,
        String processDefinitionKey,
        String businessKey,
        String assignee,
        List<String> candidateGroups,
        Instant created,
        Instant due,
        String encounterNumber,
        String claimNumber,
        String patientName,
        String payerName,
        Long amountCents,
        LocalDate dateOfService,
        /** When the claim first went to the payer: its age in accounts receivable counts from here. */
        Instant claimBilledAt,
        Long codingCaseId,
        Long claimId,
        Long denialId,
        Long queryId,
        Long auditId,
        Long remittanceExceptionId,
        Long statementId,
        Long appealId,
        Long writeOffId) {
}
