import { api } from '@/lib/api-client';
import type { Denial, RegistrationFix } from '@/features/denials/api/types';

/** Completes Task_FixRegistration (biller) with the member id from the patient's card. */
export function fixRegistration(denialId: number, fix: RegistrationFix): Promise<Denial> {
  return api<Denial>(`/api/denials/${denialId}/fix-registration`, { method: 'POST', json: fix });
}
