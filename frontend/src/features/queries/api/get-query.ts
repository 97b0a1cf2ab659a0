import { api } from '@/lib/api-client';
import { useQuery } from '@/lib/use-query';
import type { PhysicianQuery } from '@/features/queries/api/types';

export function getPhysicianQuery(queryId: number, signal?: AbortSignal): Promise<PhysicianQuery> {
  return api<PhysicianQuery>(`/api/queries/${queryId}`, { signal });
}

export function usePhysicianQuery(queryId: number) {
  return useQuery(`physician-query:${queryId}`, (signal) => getPhysicianQuery(queryId, signal));
}
