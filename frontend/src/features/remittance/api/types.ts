export type ExceptionKind =
  | 'CLAIM_NOT_FOUND'
  | 'UNBALANCED_CLAIM'
  | 'UNBALANCED_PAYMENT'
  | 'UNKNOWN_REVERSAL'
  | 'NOT_AWAITED'
  | 'UNSUPPORTED_STATUS'
  | 'PAYMENT_REVERSED';

export type ExceptionAction = 'POST_TO_CLAIM' | 'ACKNOWLEDGE';

export interface RemittanceLine {
  position: number;
  /** Our claim line it was posted to, when matched. */
  lineNumber: number | null;
  procedureCode: string;
  modifiers: string;
  chargeCents: number;
  paidCents: number;
  allowedCents: number | null;
  serviceDate: string | null;
  remarkCodes: string | null;
}

export interface RemittanceAdjustment {
  /** null: claim level. */
  linePosition: number | null;
  groupCode: string;
  reasonCode: string;
  reasonText: string;
  amountCents: number;
  quantity: number | null;
  remarkCodes: string | null;
}

export interface RemittanceException {
  id: number;
  kind: ExceptionKind;
  status: 'OPEN' | 'POSTED' | 'ACKNOWLEDGED';
  message: string;
  amountCents: number | null;
  differenceCents: number | null;
  payerName: string | null;
  payerId: string | null;
  traceNumber: string | null;
  paymentDate: string | null;
  paymentCents: number;
  /** CLP01 as the payer sent it; null for a transaction-level exception. */
  sentClaimNumber: string | null;
  statusCode: string | null;
  chargeCents: number | null;
  paidCents: number | null;
  patientResponsibilityCents: number | null;
  payerClaimControl: string | null;
  statementDate: string | null;
  claimId: number | null;
  claimNumber: string | null;
  lines: RemittanceLine[];
  adjustments: RemittanceAdjustment[];
  /** What the biller may do now; empty once resolved. */
  actions: ExceptionAction[];
  resolutionNote: string | null;
  resolvedClaimNumber: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
  createdAt: string;
}

export interface ExceptionResolution {
  action: ExceptionAction;
  claimNumber?: string;
  note?: string;
}
