import type { Appeal } from '@/features/appeals/api/types';

/** An appeal as GET /api/appeals/5 sends it, for the appeal form tests. */
export const appeal: Appeal = {
  id: 5,
  claimId: 11,
  claimNumber: 'CLM-2026-0001',
  payerName: 'Acme Health',
  claimStatus: 'DENIED',
  deadline: '2026-11-22',
  daysLeft: 12,
  argument: null,
  sentAt: null,
  sentBy: null,
  outcome: null,
  outcomeNote: null,
  denials: [
    {
      id: 41,
      lineNumber: 1,
      groupCode: 'CO',
      reasonCode: '50',
      reasonText: 'These are non-covered services because this is not deemed a medical necessity by the payer.',
      remarkCodes: ['N115'],
      amountCents: 15000,
      route: 'APPEAL',
      routeReason: 'Medical necessity: appeal with the documentation.',
      status: 'OPEN',
    },
  ],
};
