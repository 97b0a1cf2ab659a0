import { api } from '@/lib/api-client';
import type { Appeal, AppealSending } from '@/features/appeals/api/types';

/** Completes Task_PrepareAppeal (biller): the letter goes to the payer with this argument. */
export function sendAppeal(appealId: number, sending: AppealSending): Promise<Appeal> {
  return api<Appeal>(`/api/appeals/${appealId}/send`, { method: 'POST', json: sending });
}
