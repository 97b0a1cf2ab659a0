export type ClaimStatus =
  | 'DRAFT'
  | 'SCRUBBED'
  | 'SUBMITTED'
  | 'ACCEPTED'
  | 'REJECTED'
  | 'PAID'
  | 'DENIED'
  | 'APPEALED'
  | 'PATIENT_RESPONSIBILITY'
  | 'WRITTEN_OFF'
  | 'VOIDED';

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
  claimType: 'PROFESSIONAL' | 'INSTITUTIONAL';
  diagnoses: { code: string; description: string | null }[];
  lines: ClaimLine[];
  submissions: { sequence: number; submittedAt: string; fileName: string }[];
  denials: { id: number; groupCode: string; reasonCode: string; reasonText: string; amountCents: number; status: string }[];
  acknowledgements: Acknowledgement[];
  findings: ScrubFinding[];
}

/** A 999 (file) or 277CA (claim) answer from the payer's front end to one submission. */
export interface Acknowledgement {
  sequence: number;
  kind: '999' | '277CA';
  accepted: boolean;
  statusCodes: string | null;
  message: string | null;
  receivedAt: string;
}

/** What the scrubber found: the rule, what is wrong, and how to fix it. */
export interface ScrubFinding {
  ruleId: string;
  severity: 'ERROR' | 'WARNING';
  message: string;
  fix: string;
  lineNumber: number | null;
}

export interface LineCorrection {
  lineNumber: number;
  modifiers: string[];
  diagnosisPointers?: number[];
  units?: number;
}

/** UB-04 fields of an institutional stay; empty ones are left as they are. */
export interface FacilityFix {
  typeCode?: string;
  admissionType?: string;
  admissionSource?: string;
  patientStatus?: string;
}

export interface ClaimFix {
  note?: string;
  lineCorrections?: LineCorrection[];
  memberId?: string;
  facility?: FacilityFix;
}
