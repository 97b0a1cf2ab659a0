import { api } from '@/lib/api-client';
import type { Denial, DenialResolution } from '@/features/denials/api/types';

/** Completes Task_WorkDenial (biller) with denialResolution = action; APPEAL sends the claim to the appeal sub-process. */
export function resolveDenial(denialId: number, resolution: DenialResolution): Promise<Denial> {
  return api<Denial>(`/api/denials/${denialId}/resolve`, { method: 'POST', json: resolution });
}
