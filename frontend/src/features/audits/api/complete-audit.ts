import { api } from '@/lib/api-client';
import type { AuditResult } from '@/features/audits/api/types';

/** The auditor holding Task_AuditCoding marks every code right or wrong; 422 names the findings to fix. */
export function completeAudit(auditId: number, result: AuditResult): Promise<unknown> {
  return api<unknown>(`/api/audits/${auditId}/complete`, { method: 'POST', json: result });
}
