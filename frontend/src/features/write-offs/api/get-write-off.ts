import { api } from '@/lib/api-client';
import { useQuery } from '@/lib/use-query';
import type { WriteOff } from '@/features/write-offs/api/types';

export function getWriteOff(writeOffId: number, signal?: AbortSignal): Promise<WriteOff> {
  return api<WriteOff>(`/api/write-offs/${writeOffId}`, { signal });
}

export function useWriteOff(writeOffId: number) {
  return useQuery(`write-off:${writeOffId}`, (signal) => getWriteOff(writeOffId, signal));
}
