import { api } from '@/lib/api-client';
import { useQuery } from '@/lib/use-query';
import type { RemittanceException } from '@/features/remittance/api/types';

export function getRemittanceException(exceptionId: number, signal?: AbortSignal): Promise<RemittanceException> {
  return api<RemittanceException>(`/api/remittance-exceptions/${exceptionId}`, { signal });
}

export function useRemittanceException(exceptionId: number) {
  return useQuery(`remittance-exception:${exceptionId}`, (signal) => getRemittanceException(exceptionId, signal));
}
