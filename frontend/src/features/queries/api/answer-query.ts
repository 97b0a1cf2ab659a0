import { api } from '@/lib/api-client';
import type { PhysicianQuery, QueryAnswer } from '@/features/queries/api/types';

/** The physician holding Task_AnswerQuery (or a manager after escalation) answers; 409 when they do not hold it. */
export function answerQuery(queryId: number, answer: QueryAnswer): Promise<PhysicianQuery> {
  return api<PhysicianQuery>(`/api/queries/${queryId}/answer`, { method: 'POST', json: answer });
}
