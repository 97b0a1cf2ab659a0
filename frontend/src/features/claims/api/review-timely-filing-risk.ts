import { api } from '@/lib/api-client';
import type { Claim } from '@/features/claims/api/types';

/** Completes Task_TimelyFilingRisk (manager): the escalation was seen and acted on; the note says how. */
export function reviewTimelyFilingRisk(claimId: number, note?: string): Promise<Claim> {
  return api<Claim>(`/api/claims/${claimId}/timely-filing-risk`, { method: 'POST', json: note ? { note } : {} });
}
