import { api, type Page } from '@/lib/api-client';
import { useQuery } from '@/lib/use-query';
import type { StatementStatus, StatementSummary } from '@/features/statements/api/types';

export const STATEMENT_PAGE_SIZE = 50;

export function getStatements(status: StatementStatus, page: number, signal?: AbortSignal): Promise<Page<StatementSummary>> {
  const query = new URLSearchParams({ status, page: String(page), size: String(STATEMENT_PAGE_SIZE) });
  return api<Page<StatementSummary>>(`/api/statements?${query}`, { signal });
}

export function useStatements(status: StatementStatus, page: number) {
  return useQuery(`statements:${status}:${page}`, (signal) => getStatements(status, page, signal));
}
