export type ClaimStatus = 'DRAFT' | 'READY' | 'SUBMITTED' | 'PAID' | 'DENIED' | 'WRITTEN_OFF';

export interface ClaimLine {
  lineNumber: number;
  procedureCode: string;
  modifiers: string[];
  units: number;
  chargeCents: number;
  diagnosisPointers: number[];
  paidCents: number | null;
}

export interface Claim {
  id: number;
  claimNumber: string;
  encounterNumber: string;
  patientName: string;
  payerName: string;
  status: ClaimStatus;
  totalChargeCents: number;
  paidCents: number | null;
  dateOfService: string | null;
  diagnoses: { code: string; description: string | null }[];
  lines: ClaimLine[];
  submissions: { sequence: number; submittedAt: string; fileName: string }[];
  denials: { id: number; groupCode: string; reasonCode: string; reasonText: string; amountCents: number; status: string }[];
}
