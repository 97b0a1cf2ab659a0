import { api } from '@/lib/api-client';
import type { Codes, CodingCase } from '@/features/coding/api/types';

export function saveDraft(caseId: number, codes: Codes): Promise<CodingCase> {
  return api<CodingCase>(`/api/coding/cases/${caseId}/draft`, { method: 'PUT', json: codes });
}
