import type { DeniedItem } from '@/lib/denied-items';

export type { DeniedItem };

/** The queue the denial routing table chose (DenialRoute on the server). */
export type DenialRoute =
  | 'FIX_REGISTRATION'
  | 'RECODE'
  | 'APPEAL'
  | 'TIMELY_FILING'
  | 'WORK_DENIAL'
  | 'PATIENT_RESPONSIBILITY'
  | 'CONTRACTUAL';

export interface DeniedLine {
  lineNumber: number;
  procedureCode: string;
  modifiers: string[];
  units: number;
  chargeCents: number;
  diagnosisPointers: number[];
  paidCents?: number | null;
}

export interface Denial {
  id: number;
  claimId: number;
  claimNumber: string;
  claimStatus: string;
  payerName: string;
  groupCode: string;
  reasonCode: string;
  reasonText: string;
  amountCents: number;
  status: string;
  route: DenialRoute | null;
  /** Why the denial went to this queue, written for the person working it. */
  routeReason: string | null;
  resolutionNote: string | null;
  /** Every item the same 835 denied on the claim. */
  items: DeniedItem[];
  lines: DeniedLine[];
  diagnoses: { code: string; description: string | null }[];
}

export type DenialAction = 'RESUBMIT' | 'APPEAL' | 'WRITE_OFF';

/** A line as it should have been: modifiers replace the line's; code, pointers and units only when given. */
export interface LineCorrection {
  lineNumber: number;
  procedureCode?: string;
  modifiers: string[];
  diagnosisPointers?: number[];
  units?: number;
}

export interface DenialResolution {
  action: DenialAction;
  note?: string;
  lineCorrections?: LineCorrection[];
}

/** A coder's recoding; at least one line. */
export interface Recode {
  note?: string;
  lineCorrections: LineCorrection[];
}

export interface RegistrationFix {
  memberId: string;
  note?: string;
}
