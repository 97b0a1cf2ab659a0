import { api } from '@/lib/api-client';
import type { Claim } from '@/features/claims/api/types';

/** Completes Task_FollowUpClaim. */
export function followUpClaim(claimId: number, note: string): Promise<Claim> {
  return api<Claim>(`/api/claims/${claimId}/follow-up`, { method: 'POST', json: { note } });
}
