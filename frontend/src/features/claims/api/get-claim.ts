import { api } from '@/lib/api-client';
import { useQuery } from '@/lib/use-query';
import type { Claim } from '@/features/claims/api/types';

export function getClaim(claimId: number, signal?: AbortSignal): Promise<Claim> {
  return api<Claim>(`/api/claims/${claimId}`, { signal });
}

export function useClaim(claimId: number) {
  return useQuery(`claim:${claimId}`, (signal) => getClaim(claimId, signal));
}
