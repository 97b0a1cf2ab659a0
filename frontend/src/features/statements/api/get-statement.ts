import { api } from '@/lib/api-client';
import { useQuery } from '@/lib/use-query';
import type { Statement } from '@/features/statements/api/types';

export function getStatement(statementId: number, signal?: AbortSignal): Promise<Statement> {
  return api<Statement>(`/api/statements/${statementId}`, { signal });
}

export function useStatement(statementId: number) {
  return useQuery(`statement:${statementId}`, (signal) => getStatement(statementId, signal));
}
