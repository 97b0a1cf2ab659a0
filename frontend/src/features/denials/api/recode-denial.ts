import { api } from '@/lib/api-client';
import type { Denial, Recode } from '@/features/denials/api/types';

/**
 * Completes Task_RecodeDenial (coder). The server checks each new procedure code exists and is priced: 422 with
 * field errors such as `lineCorrections[0].procedureCode` otherwise.
 */
export function recodeDenial(denialId: number, recode: Recode): Promise<Denial> {
  return api<Denial>(`/api/denials/${denialId}/recode`, { method: 'POST', json: recode });
}
