import { api, type Page } from '@/lib/api-client';
import type { CodeEntry, CodeSystem } from '@/features/coding/api/types';

/**
 * GET /api/codes/search: code prefix with or without the dot, or words in any order; billable and closer
 * matches first. `dos` picks the code set version in force on the date of service.
 */
export function searchCodes(
  system: CodeSystem,
  q: string,
  options: { dos?: string | null; limit?: number; signal?: AbortSignal } = {},
): Promise<Page<CodeEntry>> {
  const query = new URLSearchParams({ system, q, limit: String(options.limit ?? 20) });
  if (options.dos) query.set('dos', options.dos);
  return api<Page<CodeEntry>>(`/api/codes/search?${query}`, { signal: options.signal });
}

const bare = (code: string) => code.trim().toUpperCase().replace(/\./g, '');

/** The entry of one exact code, or null when unknown (lookup trouble is never an error for the coder). */
export async function describeCode(system: CodeSystem, code: string, dos?: string | null): Promise<CodeEntry | null> {
  try {
    const page = await searchCodes(system, code, { dos, limit: 5 });
    return page.content.find((entry) => bare(entry.code) === bare(code)) ?? null;
  } catch {
    return null;
  }
}
