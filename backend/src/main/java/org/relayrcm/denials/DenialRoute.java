package org.relayrcm.denials;

/**
 * The queue that can fix a denial, as the denial routing table (denial-routing.dmn) decides it from the group
 * code, CARC and RARC. Declared in the order a claim with several denied items is routed: registration first
 * (nothing else can be fixed for the wrong member), then coding, then appeal, then write-off.
 */
public enum DenialRoute {
    /** Registration or eligibility: the biller fixes the member, coverage or demographics (Task_FixRegistration). */
    FIX_REGISTRATION,
    /** A coding error: back to a coder (Task_RecodeDenial). */
    RECODE,
    /** Medical necessity or authorization: appeal with a letter before the payer's appeal window closes. */
    APPEAL,
    /** Filed too late (CARC 29): a manager approves the write-off. */
    TIMELY_FILING,
    /** Anything the table has no queue for: a biller reads it and decides (Task_WorkDenial). */
    WORK_DENIAL,
    /** The patient owes it: it becomes a patient statement. */
    PATIENT_RESPONSIBILITY,
    /** A contractual adjustment (CO-45): not a denial at all. */
    CONTRACTUAL;

    /** Whether an item with this route is a denial someone must work. */
    public boolean isDenial() {
        return this != CONTRACTUAL && this != PATIENT_RESPONSIBILITY;
    }
}
