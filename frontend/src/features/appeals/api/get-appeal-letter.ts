/**
 * GET /api/appeals/{id}/letter answers with the letter as a PDF (a draft until the appeal is sent). The browser
 * opens it in a tab of its own: a link, not a fetch, and the session cookie authenticates it.
 */
export function appealLetterUrl(appealId: number): string {
  return `/api/appeals/${appealId}/letter`;
}
