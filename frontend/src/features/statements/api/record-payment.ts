import { api } from '@/lib/api-client';
import type { PaymentInput, Statement } from '@/features/statements/api/types';

/** Biller only; a payment that settles the balance ends the statement cycle. */
export function recordPayment(statementId: number, payment: PaymentInput): Promise<Statement> {
  return api<Statement>(`/api/statements/${statementId}/payments`, { method: 'POST', json: payment });
}
