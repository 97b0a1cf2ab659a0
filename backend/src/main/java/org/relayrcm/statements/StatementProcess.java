package org.relayrcm.statements;

/** The names patient-statement.bpmn and this feature agree on. */
public final class StatementProcess {

    public static final String PROCESS_ID = "patient-statement";
    public static final String REVIEW_TASK = "Task_ReviewPatientBalance";
    public static final String BALANCE_SETTLED = "Msg_PatientBalanceSettled";

    private StatementProcess() {
    }

    /**
     * The statement cycle's business key: the claim number with a suffix, so a search for the claim number in the
     * task list does not mix the patient's balance up with the claim's own process.
     */
    public static String businessKey(String claimNumber) {
        return claimNumber + "-PS";
    }
}
