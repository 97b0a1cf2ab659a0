/** Claim statuses (ClaimStatus on the server) as billing staff say them; every feature that shows a claim uses these. */
const STATUS_LABELS: Record<string, string> = {
  DRAFT: 'Draft',
  SCRUBBED: 'Scrubbed',
  SUBMITTED: 'Submitted',
  ACCEPTED: 'Accepted by payer',
  REJECTED: 'Rejected by payer',
  PAID: 'Paid',
  DENIED: 'Denied',
  APPEALED: 'Appealed',
  PATIENT_RESPONSIBILITY: 'Billed to patient',
  WRITTEN_OFF: 'Written off',
  VOIDED: 'Voided',
};

export function claimStatusLabel(status: string | null | undefined): string {
  return status ? (STATUS_LABELS[status] ?? status) : '';
}
