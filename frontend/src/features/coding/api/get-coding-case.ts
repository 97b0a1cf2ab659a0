import { api } from '@/lib/api-client';
import { useQuery } from '@/lib/use-query';
import type { CodingCase } from '@/features/coding/api/types';

export function getCodingCase(caseId: number, signal?: AbortSignal): Promise<CodingCase> {
  return api<CodingCase>(`/api/coding/cases/${caseId}`, { signal });
}

export function useCodingCase(caseId: number) {
  return useQuery(`coding-case:${caseId}`, (signal) => getCodingCase(caseId, signal));
}
