import { api } from '@/lib/api-client';
import { useQuery } from '@/lib/use-query';
import type { CodingAudit } from '@/features/audits/api/types';

export function getAudit(auditId: number, signal?: AbortSignal): Promise<CodingAudit> {
  return api<CodingAudit>(`/api/audits/${auditId}`, { signal });
}

export function useAudit(auditId: number) {
  return useQuery(`audit:${auditId}`, (signal) => getAudit(auditId, signal));
}
