import { api } from '@/lib/api-client';
import { useQuery } from '@/lib/use-query';
import type { Denial } from '@/features/denials/api/types';

export function getDenial(denialId: number, signal?: AbortSignal): Promise<Denial> {
  return api<Denial>(`/api/denials/${denialId}`, { signal });
}

export function useDenial(denialId: number) {
  return useQuery(`denial:${denialId}`, (signal) => getDenial(denialId, signal));
}
