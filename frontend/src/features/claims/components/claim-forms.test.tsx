import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Claim } from '@/features/claims/api/types';
import { FollowUpForm } from '@/features/claims/components/follow-up-form';
import { PrepareClaimForm } from '@/features/claims/components/prepare-claim-form';
import { mockApi, problem, reply } from '@/testing/mock-api';
import { BILLER, renderWithApp, setCsrfCookie } from '@/testing/render';

const claim: Claim = {
  id: 11,
  claimNumber: 'CLM-2026-0001',
  encounterNumber: 'ENC-1001',
  patientName: 'Rivera, Ana',
  payerName: 'Acme Health',
  status: 'READY',
  totalChargeCents: 24800,
  paidCents: null,
  dateOfService: '2026-10-28',
  diagnoses: [{ code: 'E11.9', description: 'Type 2 diabetes mellitus without complications' }],
  lines: [
    { lineNumber: 1, procedureCode: '99214', modifiers: ['25'], units: 1, chargeCents: 15000, diagnosisPointers: [1], paidCents: null },
    { lineNumber: 2, procedureCode: '93000', modifiers: [], units: 1, chargeCents: 9800, diagnosisPointers: [1], paidCents: null },
  ],
  submissions: [{ sequence: 1, submittedAt: '2026-10-29T10:00:00Z', fileName: 'CLM-2026-0001-1.837' }],
  denials: [],
};

describe('prepare claim form', () => {
  it('shows the claim lines and total, and submits the claim', async () => {
    setCsrfCookie('tok-p');
    const onDone = vi.fn();
    const api = mockApi([
      { path: '/api/claims/11', replies: [reply(claim)] },
      { method: 'POST', path: '/api/claims/11/prepare', replies: [reply({ ...claim, status: 'SUBMITTED' })] },
    ]);
    renderWithApp(<PrepareClaimForm claimId={11} onDone={onDone} />, { user: BILLER });

    expect(await screen.findByText('93000')).toBeInTheDocument();
    expect(screen.getByTestId('claim-total')).toHaveTextContent('$248.00');
    await userEvent.click(screen.getByTestId('submit-claim'));

    expect(onDone).toHaveBeenCalledTimes(1);
    const [call] = api.callsTo('POST', '/api/claims/11/prepare');
    expect(call.json).toEqual({});
    expect(call.headers['x-xsrf-token']).toBe('tok-p');
  });

  it('stays on the claim and says why when submitting fails', async () => {
    setCsrfCookie();
    const onDone = vi.fn();
    mockApi([
      { path: '/api/claims/11', replies: [reply(claim)] },
      { method: 'POST', path: '/api/claims/11/prepare', replies: [problem(409, 'You no longer hold this task.')] },
    ]);
    renderWithApp(<PrepareClaimForm claimId={11} onDone={onDone} />, { user: BILLER });

    await userEvent.click(await screen.findByTestId('submit-claim'));

    expect(await screen.findByTestId('form-errors')).toHaveTextContent('You no longer hold this task.');
    expect(onDone).not.toHaveBeenCalled();
  });
});

describe('follow-up form', () => {
  it('records the note and completes the follow-up', async () => {
    setCsrfCookie();
    const onDone = vi.fn();
    const api = mockApi([
      { path: '/api/claims/11', replies: [reply({ ...claim, status: 'SUBMITTED' })] },
      { method: 'POST', path: '/api/claims/11/follow-up', replies: [reply(claim)] },
    ]);
    renderWithApp(<FollowUpForm claimId={11} onDone={onDone} />, { user: BILLER });

    await userEvent.type(await screen.findByLabelText('Note'), 'Payer says in process, ref 123.');
    await userEvent.click(screen.getByRole('button', { name: 'Follow-up done' }));

    expect(onDone).toHaveBeenCalledTimes(1);
    expect(api.callsTo('POST', '/api/claims/11/follow-up')[0].json).toEqual({ note: 'Payer says in process, ref 123.' });
  });
});
