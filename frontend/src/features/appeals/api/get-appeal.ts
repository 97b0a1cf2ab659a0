import { api } from '@/lib/api-client';
import { useQuery } from '@/lib/use-query';
import type { Appeal } from '@/features/appeals/api/types';

export function getAppeal(appealId: number, signal?: AbortSignal): Promise<Appeal> {
  return api<Appeal>(`/api/appeals/${appealId}`, { signal });
}

export function useAppeal(appealId: number) {
  return useQuery(`appeal:${appealId}`, (signal) => getAppeal(appealId, signal));
}
