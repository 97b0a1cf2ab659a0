import { api } from '@/lib/api-client';
import type { ReviewInput, Statement } from '@/features/statements/api/types';

/** Completes Task_ReviewPatientBalance (held by the signed-in manager) with reviewDecision = decision. */
export function reviewStatement(statementId: number, review: ReviewInput): Promise<Statement> {
  return api<Statement>(`/api/statements/${statementId}/review`, { method: 'POST', json: review });
}
