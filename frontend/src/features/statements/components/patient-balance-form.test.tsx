import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Statement } from '@/features/statements/api/types';
import { PatientBalanceForm } from '@/features/statements/components/patient-balance-form';
import { mockApi, problem, reply } from '@/testing/mock-api';
import { renderWithApp, setCsrfCookie } from '@/testing/render';

const MANAGER = { username: 'manager', groups: ['manager'] };

const statement: Statement = {
  id: 7,
  claimId: 70,
  claimNumber: 'RC0000001007',
  patientName: 'Ada Lovelace',
  payerName: 'Prairie Mutual',
  dateOfService: '2026-02-10',
  totalChargeCents: 20000,
  insurancePaidCents: 12000,
  adjustedCents: 4000,
  billedCents: 4000,
  paidCents: 1000,
  balanceCents: 3000,
  status: 'OPEN',
  cycleNumber: 1,
  nextStep: 'REVIEW',
  nextStepDue: '2026-05-11',
  lines: [],
  notices: [
    { cycleNumber: 1, kind: 'FIRST', amountDueCents: 4000, dueOn: '2026-03-12', sentAt: '2026-02-10T09:00:00Z' },
    { cycleNumber: 1, kind: 'REMINDER', amountDueCents: 3000, dueOn: '2026-04-11', sentAt: '2026-03-12T09:00:00Z' },
    { cycleNumber: 1, kind: 'FINAL', amountDueCents: 3000, dueOn: '2026-05-11', sentAt: '2026-04-11T09:00:00Z' },
  ],
  payments: [
    {
      id: 1,
      amountCents: 1000,
      method: 'CHECK',
      reference: 'CHK 1042',
      receivedOn: '2026-03-01',
      recordedBy: 'biller',
      recordedAt: '2026-03-01T15:00:00Z',
    },
  ],
  reviews: [],
};

describe('patient balance form', () => {
  it('shows the account, its notices, its payments and the statement PDF', async () => {
    mockApi([{ path: '/api/statements/7', replies: [reply(statement)] }]);
    renderWithApp(<PatientBalanceForm statementId={7} onDone={() => {}} />, { user: MANAGER });

    expect(await screen.findByRole('heading', { name: /Patient balance of \$30\.00 on claim RC0000001007/ })).toBeInTheDocument();
    expect(screen.getByTestId('statement-facts')).toHaveTextContent('Ada Lovelace');
    expect(screen.getByTestId('statement-facts')).toHaveTextContent('Paid by Prairie Mutual$120.00');
    expect(screen.getByTestId('statement-notices')).toHaveTextContent('Final notice');
    expect(screen.getByTestId('statement-notices')).toHaveTextContent('05/11/2026');
    expect(screen.getByTestId('statement-payments')).toHaveTextContent('CHK 1042');
    expect(screen.getByTestId('statement-pdf')).toHaveAttribute('href', '/api/statements/7/pdf');
    expect(screen.getByRole('button', { name: 'Decide' })).toBeDisabled();
  });

  it('sends the chosen decision and note, then returns to the task list', async () => {
    setCsrfCookie('tok-s');
    const onDone = vi.fn();
    const api = mockApi([
      { path: '/api/statements/7', replies: [reply(statement)] },
      { method: 'POST', path: '/api/statements/7/review', replies: [reply({ ...statement, status: 'COLLECTIONS' })] },
    ]);
    renderWithApp(<PatientBalanceForm statementId={7} onDone={onDone} />, { user: MANAGER });

    await userEvent.click(await screen.findByLabelText(/Send to collections/));
    await userEvent.type(screen.getByLabelText('Note'), 'Three notices, no answer.');
    await userEvent.click(screen.getByRole('button', { name: 'Decide' }));

    expect(onDone).toHaveBeenCalledTimes(1);
    const [call] = api.callsTo('POST', '/api/statements/7/review');
    expect(call.headers['x-xsrf-token']).toBe('tok-s');
    expect(call.json).toEqual({ decision: 'COLLECTIONS', note: 'Three notices, no answer.' });
  });

  it('keeps billing without a note', async () => {
    setCsrfCookie();
    const api = mockApi([
      { path: '/api/statements/7', replies: [reply(statement)] },
      { method: 'POST', path: '/api/statements/7/review', replies: [reply({ ...statement, cycleNumber: 2 })] },
    ]);
    renderWithApp(<PatientBalanceForm statementId={7} onDone={() => {}} />, { user: MANAGER });

    await userEvent.click(await screen.findByLabelText(/Keep billing/));
    await userEvent.click(screen.getByRole('button', { name: 'Decide' }));

    expect(api.callsTo('POST', '/api/statements/7/review')[0].json).toEqual({ decision: 'KEEP_BILLING' });
  });

  it('stays on the form and says why when the decision is refused', async () => {
    setCsrfCookie();
    const onDone = vi.fn();
    mockApi([
      { path: '/api/statements/7', replies: [reply(statement)] },
      {
        method: 'POST',
        path: '/api/statements/7/review',
        replies: [problem(409, 'Claim the task for RC0000001007-PS before completing it.')],
      },
    ]);
    renderWithApp(<PatientBalanceForm statementId={7} onDone={onDone} />, { user: MANAGER });

    await userEvent.click(await screen.findByLabelText(/Write off the balance/));
    await userEvent.click(screen.getByRole('button', { name: 'Decide' }));

    expect(await screen.findByTestId('form-errors')).toHaveTextContent('Claim the task for RC0000001007-PS');
    expect(onDone).not.toHaveBeenCalled();
  });

  it('offers no decision on an account that is already closed', async () => {
    mockApi([{ path: '/api/statements/7', replies: [reply({ ...statement, status: 'PAID', balanceCents: 0, nextStep: null })] }]);
    renderWithApp(<PatientBalanceForm statementId={7} onDone={() => {}} />, { user: MANAGER });

    expect(await screen.findByText(/already closed/)).toBeInTheDocument();
    expect(screen.getByLabelText(/Keep billing/)).toBeDisabled();
  });

  it('says so when the account cannot be loaded', async () => {
    mockApi([{ path: '/api/statements/7', replies: [problem(404, 'Statement 7 was not found.')] }]);
    renderWithApp(<PatientBalanceForm statementId={7} onDone={() => {}} />, { user: MANAGER });

    expect(await screen.findByRole('alert')).toHaveTextContent('Statement 7 was not found.');
  });
});
