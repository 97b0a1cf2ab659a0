import { api } from '@/lib/api-client';
import type { Claim, ClaimFix } from '@/features/claims/api/types';

/** Applies the biller's corrections and completes Task_FixClaim; the process scrubs the claim again. */
export function fixClaim(claimId: number, fix: ClaimFix): Promise<Claim> {
  return api<Claim>(`/api/claims/${claimId}/fix`, { method: 'POST', json: fix });
}
