export interface DeniedLine {
  lineNumber: number;
  procedureCode: string;
  modifiers: string[];
  units: number;
  chargeCents: number;
  paidCents?: number | null;
}

export interface Denial {
  id: number;
  claimId: number;
  claimNumber: string;
  groupCode: string;
  reasonCode: string;
  reasonText: string;
  amountCents: number;
  status: string;
  lines: DeniedLine[];
}

export type DenialAction = 'RESUBMIT' | 'WRITE_OFF';

export interface DenialResolution {
  action: DenialAction;
  note?: string;
  lineCorrections?: { lineNumber: number; modifiers: string[] }[];
}
