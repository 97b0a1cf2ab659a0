import { api, type Page } from '@/lib/api-client';
import type { CodeEntry, CodeSystem } from '@/features/coding/api/types';

export function searchCodes(system: CodeSystem, q: string, size = 20): Promise<Page<CodeEntry>> {
  const query = new URLSearchParams({ system, q, size: String(size) });
  return api<Page<CodeEntry>>(`/api/codes?${query}`);
}

/** Description of one exact code, or null when unknown (lookup trouble is never an error for the coder). */
export async function describeCode(system: CodeSystem, code: string): Promise<string | null> {
  try {
    const page = await searchCodes(system, code, 5);
    const hit = page.content.find((entry) => entry.code.toUpperCase() === code.toUpperCase());
    return hit?.description ?? null;
  } catch {
    return null;
  }
}
