import type { DeniedItem } from '@/lib/denied-items';

export type { DeniedItem };

export type AppealOutcome = 'OVERTURNED' | 'UPHELD';

/** An appeal as the biller prepares it and records the payer's decision (AppealView on the server). */
export interface Appeal {
  id: number;
  claimId: number;
  claimNumber: string;
  payerName: string;
  claimStatus: string;
  /** The last day the payer takes the appeal (YYYY-MM-DD). */
  deadline: string;
  /** Days from the server's today to the deadline; negative once it has passed. */
  daysLeft: number;
  argument: string | null;
  sentAt: string | null;
  sentBy: string | null;
  outcome: AppealOutcome | null;
  outcomeNote: string | null;
  denials: DeniedItem[];
}

export interface AppealSending {
  argument: string;
}

export interface AppealDecision {
  outcome: AppealOutcome;
  note?: string;
}

/** The server's limit on the argument. */
export const ARGUMENT_MAX_LENGTH = 4000;
