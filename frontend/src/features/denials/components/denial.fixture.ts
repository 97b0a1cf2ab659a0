import type { Denial } from '@/features/denials/api/types';

/** A denial as GET /api/denials/3 sends it, for the denial form tests. */
export const denial: Denial = {
  id: 3,
  claimId: 11,
  claimNumber: 'CLM-2026-0001',
  claimStatus: 'DENIED',
  payerName: 'Acme Health',
  groupCode: 'CO',
  reasonCode: '4',
  reasonText: 'The procedure code is inconsistent with the modifier used.',
  amountCents: 9800,
  status: 'OPEN',
  route: 'WORK_DENIAL',
  routeReason: 'The payer questions the modifier on line 2; correct it and resubmit, or appeal with the documentation.',
  resolutionNote: null,
  items: [
    {
      id: 31,
      lineNumber: 2,
      groupCode: 'CO',
      reasonCode: '4',
      reasonText: 'The procedure code is inconsistent with the modifier used.',
      remarkCodes: ['N519', 'M20'],
      amountCents: 9800,
      route: 'WORK_DENIAL',
      routeReason: 'The payer questions the modifier.',
      status: 'OPEN',
    },
    {
      id: 32,
      lineNumber: null,
      groupCode: 'CO',
      reasonCode: '16',
      reasonText: 'Claim lacks information needed for adjudication.',
      remarkCodes: [],
      amountCents: 0,
      route: 'RECODE',
      routeReason: 'Coding information is missing.',
      status: 'OPEN',
    },
  ],
  lines: [
    { lineNumber: 1, procedureCode: '99214', modifiers: ['25'], units: 1, chargeCents: 15000, diagnosisPointers: [1], paidCents: 15000 },
    { lineNumber: 2, procedureCode: '93000', modifiers: [], units: 1, chargeCents: 9800, diagnosisPointers: [1, 2], paidCents: 0 },
  ],
  diagnoses: [
    { code: 'E11.9', description: 'Type 2 diabetes mellitus without complications' },
    { code: 'I10', description: 'Essential (primary) hypertension' },
  ],
};
