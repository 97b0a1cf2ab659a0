import { api } from '@/lib/api-client';
import type { Codes, CodingCase } from '@/features/coding/api/types';

/** 422 with errors[] naming fields like `diagnoses[0].code`; 409 if the caller does not hold the task. */
export function completeCoding(caseId: number, codes: Codes): Promise<CodingCase> {
  return api<CodingCase>(`/api/coding/cases/${caseId}/complete`, { method: 'POST', json: codes });
}
