/**
 * GET /api/statements/{id}/pdf: the printable statement. The browser opens it itself (a link, with the session
 * cookie), so there is no fetcher: a PDF is not JSON, and the server's no-store keeps it out of caches.
 */
export function statementPdfUrl(statementId: number): string {
  return `/api/statements/${statementId}/pdf`;
}
