import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Claim } from '@/features/claims/api/types';
import { TimelyFilingRiskForm } from '@/features/claims/components/timely-filing-risk-form';
import { mockApi, problem, reply } from '@/testing/mock-api';
import { MANAGER, renderWithApp, setCsrfCookie } from '@/testing/render';

const claim: Claim = {
  id: 11,
  claimNumber: 'CLM-2026-0001',
  encounterNumber: 'ENC-1001',
  patientName: 'Rivera, Ana',
  payerName: 'Acme Health',
  status: 'REJECTED',
  totalChargeCents: 24800,
  paidCents: null,
  dateOfService: '2026-08-03',
  claimType: 'PROFESSIONAL',
  diagnoses: [],
  lines: [],
  submissions: [{ sequence: 1, submittedAt: '2026-08-05T10:00:00Z', fileName: 'CLM-2026-0001-1.837' }],
  denials: [],
  acknowledgements: [],
  findings: [],
};

// The payer's deadline is the end of its last day in UTC: Dec 1 in the Americas, already Dec 2 east of UTC.
const DEADLINE = '2026-12-01T23:59:59Z';

describe('timely-filing risk form', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 10, 10, 12, 0, 0));
  });
  afterEach(() => vi.useRealTimers());

  it('shows the claim, the deadline and the days left', async () => {
    mockApi([{ path: '/api/claims/11', replies: [reply(claim)] }]);
    renderWithApp(<TimelyFilingRiskForm claimId={11} deadline={DEADLINE} onDone={vi.fn()} />, { user: MANAGER });

    const deadline = await screen.findByTestId('timely-filing-deadline');
    expect(deadline).toHaveTextContent(/Dec [12], 2026/);
    expect(screen.getByTestId('timely-filing-days-left')).toHaveTextContent(/^2[12] days left$/);
    expect(screen.getByTestId('timely-filing-days-left')).not.toHaveClass('countdown--urgent');
    expect(screen.getByText('CLM-2026-0001')).toBeInTheDocument();
    expect(screen.getByText('Acme Health')).toBeInTheDocument();
    expect(screen.getByText('Rejected by payer')).toBeInTheDocument();
    expect(screen.getByText('$248.00')).toBeInTheDocument();
    expect(screen.getByText('08/03/2026')).toBeInTheDocument();
  });

  it('shows a deadline a week or less away in red', async () => {
    mockApi([{ path: '/api/claims/11', replies: [reply(claim)] }]);
    renderWithApp(<TimelyFilingRiskForm claimId={11} deadline="2026-11-15T23:59:59Z" onDone={vi.fn()} />, { user: MANAGER });

    const left = await screen.findByTestId('timely-filing-days-left');
    expect(left).toHaveClass('countdown--urgent');
  });

  it('says so when the task carries no deadline', async () => {
    mockApi([{ path: '/api/claims/11', replies: [reply(claim)] }]);
    renderWithApp(<TimelyFilingRiskForm claimId={11} deadline={null} onDone={vi.fn()} />, { user: MANAGER });

    expect(await screen.findByTestId('timely-filing-deadline')).toHaveTextContent('Not known');
    expect(screen.queryByTestId('timely-filing-days-left')).not.toBeInTheDocument();
  });

  it('records what was done', async () => {
    setCsrfCookie('tok-t');
    const onDone = vi.fn();
    const api = mockApi([
      { path: '/api/claims/11', replies: [reply(claim)] },
      { method: 'POST', path: '/api/claims/11/timely-filing-risk', replies: [reply(claim)] },
    ]);
    renderWithApp(<TimelyFilingRiskForm claimId={11} deadline={DEADLINE} onDone={onDone} />, { user: MANAGER });

    await userEvent.type(await screen.findByLabelText('What was done'), 'Reassigned to Dana; called the payer, ref 88.');
    await userEvent.click(screen.getByRole('button', { name: 'Record review' }));

    expect(onDone).toHaveBeenCalledTimes(1);
    const [call] = api.callsTo('POST', '/api/claims/11/timely-filing-risk');
    expect(call.headers['x-xsrf-token']).toBe('tok-t');
    expect(call.json).toEqual({ note: 'Reassigned to Dana; called the payer, ref 88.' });
  });

  it('keeps the form and shows why when the review fails', async () => {
    setCsrfCookie();
    const onDone = vi.fn();
    mockApi([
      { path: '/api/claims/11', replies: [reply(claim)] },
      { method: 'POST', path: '/api/claims/11/timely-filing-risk', replies: [problem(409, 'You no longer hold this task.')] },
    ]);
    renderWithApp(<TimelyFilingRiskForm claimId={11} deadline={DEADLINE} onDone={onDone} />, { user: MANAGER });

    await userEvent.click(await screen.findByTestId('review-timely-filing'));

    expect(await screen.findByTestId('form-errors')).toHaveTextContent('You no longer hold this task.');
    expect(onDone).not.toHaveBeenCalled();
  });
});
