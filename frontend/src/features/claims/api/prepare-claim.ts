import { api } from '@/lib/api-client';
import type { Claim } from '@/features/claims/api/types';

/** Completes Task_PrepareClaim; the caller must hold the task. */
export function prepareClaim(claimId: number): Promise<Claim> {
  return api<Claim>(`/api/claims/${claimId}/prepare`, { method: 'POST', json: {} });
}
