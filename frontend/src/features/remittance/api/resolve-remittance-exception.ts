import { api } from '@/lib/api-client';
import type { ExceptionResolution, RemittanceException } from '@/features/remittance/api/types';

/** Completes Task_ReviewRemittance with remittanceResolution = action; the biller must hold the task. */
export function resolveRemittanceException(
  exceptionId: number,
  resolution: ExceptionResolution,
): Promise<RemittanceException> {
  return api<RemittanceException>(`/api/remittance-exceptions/${exceptionId}/resolve`, { method: 'POST', json: resolution });
}
