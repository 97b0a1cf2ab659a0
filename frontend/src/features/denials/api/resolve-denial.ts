import { api } from '@/lib/api-client';
import type { Denial, DenialResolution } from '@/features/denials/api/types';

/** Completes Task_WorkDenial with denialResolution = action. */
export function resolveDenial(denialId: number, resolution: DenialResolution): Promise<Denial> {
  return api<Denial>(`/api/denials/${denialId}/resolve`, { method: 'POST', json: resolution });
}
