import { api } from '@/lib/api-client';
import type { WriteOff, WriteOffDecision } from '@/features/write-offs/api/types';

/** Completes Task_ApproveWriteOff (manager); a refused write-off goes back to the biller's denial queue. */
export function decideWriteOff(writeOffId: number, decision: WriteOffDecision): Promise<WriteOff> {
  return api<WriteOff>(`/api/write-offs/${writeOffId}/decision`, { method: 'POST', json: decision });
}
