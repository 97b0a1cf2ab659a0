import { api } from '@/lib/api-client';
import type { Appeal, AppealDecision } from '@/features/appeals/api/types';

/** Completes Task_RecordAppealOutcome (biller): overturned waits for the payment, upheld goes back to denial work. */
export function recordAppealDecision(appealId: number, decision: AppealDecision): Promise<Appeal> {
  return api<Appeal>(`/api/appeals/${appealId}/decision`, { method: 'POST', json: decision });
}
