import { api } from '@/lib/api-client';
import type { NewPhysicianQuery } from '@/features/coding/api/types';

/**
 * Sends the question to the physician: completes the coder's task (codingOutcome QUERY) and keeps the draft;
 * coding comes back with the answer added to the documentation. 409 if the caller does not hold the task.
 */
export function queryPhysician(caseId: number, query: NewPhysicianQuery): Promise<unknown> {
  return api<unknown>(`/api/coding/cases/${caseId}/queries`, { method: 'POST', json: query });
}
