import type { DeniedItem } from '@/lib/denied-items';

export type { DeniedItem };

/** A write-off waiting for, or given, a manager's decision (WriteOffView on the server). */
export interface WriteOff {
  id: number;
  claimId: number;
  claimNumber: string;
  payerName: string;
  claimStatus: string;
  amountCents: number;
  /** Why the balance is to be written off, e.g. filed after the payer's timely-filing limit. */
  reason: string;
  decision: 'APPROVED' | 'REFUSED' | null;
  decisionNote: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  denials: DeniedItem[];
}

export interface WriteOffDecision {
  approved: boolean;
  note?: string;
}
