export type StatementStatus = 'OPEN' | 'PAID' | 'COLLECTIONS' | 'WRITTEN_OFF';
export type NoticeKind = 'FIRST' | 'REMINDER' | 'FINAL';
export type NextStep = NoticeKind | 'REVIEW';
export type PaymentMethod = 'CASH' | 'CHECK' | 'CARD' | 'ACH' | 'OTHER';
export type ReviewDecision = 'COLLECTIONS' | 'WRITE_OFF' | 'KEEP_BILLING';

/** One row of GET /api/statements. */
export interface StatementSummary {
  id: number;
  claimNumber: string;
  patientName: string;
  billedCents: number;
  paidCents: number;
  balanceCents: number;
  status: StatementStatus;
  lastNotice: NoticeKind | null;
  lastNoticeSentAt: string | null;
  /** What the cycle does next and when; null once the account is closed. */
  nextStep: NextStep | null;
  nextStepDue: string | null;
}

export interface StatementLine {
  lineNumber: number;
  procedureCode: string;
  modifiers: string;
  description: string | null;
  units: number;
  chargeCents: number;
  insurancePaidCents: number | null;
}

export interface StatementNotice {
  cycleNumber: number;
  kind: NoticeKind;
  amountDueCents: number;
  dueOn: string;
  sentAt: string;
}

export interface StatementPayment {
  id: number;
  amountCents: number;
  method: PaymentMethod;
  reference: string | null;
  receivedOn: string;
  recordedBy: string;
  recordedAt: string;
}

export interface StatementReview {
  cycleNumber: number;
  decision: ReviewDecision;
  note: string | null;
  decidedBy: string;
  decidedAt: string;
}

/** GET /api/statements/{id}: one patient account in full. */
export interface Statement {
  id: number;
  claimId: number;
  claimNumber: string;
  patientName: string;
  payerName: string | null;
  dateOfService: string;
  totalChargeCents: number;
  insurancePaidCents: number;
  adjustedCents: number;
  billedCents: number;
  paidCents: number;
  balanceCents: number;
  status: StatementStatus;
  cycleNumber: number;
  nextStep: NextStep | null;
  nextStepDue: string | null;
  lines: StatementLine[];
  notices: StatementNotice[];
  payments: StatementPayment[];
  reviews: StatementReview[];
}

export interface PaymentInput {
  amountCents: number;
  method: PaymentMethod;
  reference?: string;
  receivedOn: string;
}

export interface ReviewInput {
  decision: ReviewDecision;
  note?: string;
}

export const NOTICE_LABELS: Record<NoticeKind, string> = {
  FIRST: 'Statement',
  REMINDER: 'Reminder',
  FINAL: 'Final notice',
};

export const NEXT_STEP_LABELS: Record<NextStep, string> = {
  ...NOTICE_LABELS,
  REVIEW: 'Manager review',
};

export const STATUS_LABELS: Record<StatementStatus, string> = {
  OPEN: 'Open',
  PAID: 'Paid',
  COLLECTIONS: 'In collections',
  WRITTEN_OFF: 'Written off',
};
