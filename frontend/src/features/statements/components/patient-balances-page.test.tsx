import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Statement, StatementSummary } from '@/features/statements/api/types';
import { PatientBalancesPage } from '@/features/statements/components/patient-balances-page';
import { parseDollars } from '@/features/statements/components/record-payment-form';
import { mockApi, page, problem, reply } from '@/testing/mock-api';
import { BILLER, renderWithApp, setCsrfCookie } from '@/testing/render';

const open: StatementSummary = {
  id: 7,
  claimNumber: 'RC0000001007',
  patientName: 'Ada Lovelace',
  billedCents: 4000,
  paidCents: 1000,
  balanceCents: 3000,
  status: 'OPEN',
  lastNotice: 'FIRST',
  lastNoticeSentAt: '2026-02-10T09:00:00Z',
  nextStep: 'REMINDER',
  nextStepDue: '2026-03-12',
};

const afterPayment = (balanceCents: number, status: Statement['status'] = 'OPEN') =>
  ({ id: 7, claimNumber: 'RC0000001007', balanceCents, status }) as Statement;

const LIST = '/api/statements?status=OPEN&page=0&size=50';

describe('patient balances page', () => {
  it('lists open accounts with balance, last notice, next notice and the statement PDF', async () => {
    mockApi([{ path: LIST, replies: [reply(page([open]))] }]);
    renderWithApp(<PatientBalancesPage />, { user: BILLER });

    const row = await screen.findByTestId('statement-row-7');
    expect(row).toHaveTextContent('Ada Lovelace');
    expect(row).toHaveTextContent('$30.00');
    expect(row).toHaveTextContent('Statement');
    expect(row).toHaveTextContent('Reminder 03/12/2026');
    expect(within(row).getByRole('link', { name: 'RC0000001007' })).toHaveAttribute('href', '/api/statements/7/pdf');
  });

  it('records a partial payment and shows the new balance', async () => {
    setCsrfCookie('tok-p');
    const api = mockApi([
      { path: LIST, replies: [reply(page([open])), reply(page([{ ...open, paidCents: 2500, balanceCents: 1500 }]))] },
      { method: 'POST', path: '/api/statements/7/payments', replies: [reply(afterPayment(1500))] },
    ]);
    renderWithApp(<PatientBalancesPage />, { user: BILLER });

    await userEvent.click(await screen.findByRole('button', { name: 'Record payment' }));
    await userEvent.type(screen.getByLabelText('Amount ($)'), '15.00');
    await userEvent.selectOptions(screen.getByLabelText('Method'), 'CHECK');
    await userEvent.type(screen.getByLabelText('Reference'), 'CHK 1043');
    await userEvent.click(screen.getByTestId('record-payment'));

    expect(await screen.findByTestId('payment-confirmation')).toHaveTextContent('the balance is now $15.00');
    const [call] = api.callsTo('POST', '/api/statements/7/payments');
    expect(call.headers['x-xsrf-token']).toBe('tok-p');
    expect(call.json).toMatchObject({ amountCents: 1500, method: 'CHECK', reference: 'CHK 1043' });
    expect((call.json as { receivedOn: string }).receivedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await screen.findByTestId('statement-row-7')).toHaveTextContent('$15.00');
  });

  it('says when a payment settles the account', async () => {
    setCsrfCookie();
    mockApi([
      { path: LIST, replies: [reply(page([open])), reply(page([]))] },
      { method: 'POST', path: '/api/statements/7/payments', replies: [reply(afterPayment(0, 'PAID'))] },
    ]);
    renderWithApp(<PatientBalancesPage />, { user: BILLER });

    await userEvent.click(await screen.findByRole('button', { name: 'Record payment' }));
    await userEvent.type(screen.getByLabelText('Amount ($)'), '$30');
    await userEvent.click(screen.getByTestId('record-payment'));

    expect(await screen.findByTestId('payment-confirmation')).toHaveTextContent('paid in full');
  });

  it('shows why the server refused an overpayment and keeps the form', async () => {
    setCsrfCookie();
    const detail = 'The payment of $45.00 is more than the balance of $30.00; record at most the balance and refund the rest.';
    mockApi([
      { path: LIST, replies: [reply(page([open]))] },
      {
        method: 'POST',
        path: '/api/statements/7/payments',
        replies: [problem(422, detail, [{ ruleId: 'PATIENT-PAYMENT', field: 'amountCents', message: detail }])],
      },
    ]);
    renderWithApp(<PatientBalancesPage />, { user: BILLER });

    await userEvent.click(await screen.findByRole('button', { name: 'Record payment' }));
    await userEvent.type(screen.getByLabelText('Amount ($)'), '45');
    await userEvent.click(screen.getByTestId('record-payment'));

    expect(await screen.findByTestId('form-errors')).toHaveTextContent('more than the balance of $30.00');
    expect(screen.getByLabelText('Amount ($)')).toHaveValue('45');
  });

  it('asks for dollars and cents before sending anything', async () => {
    const api = mockApi([{ path: LIST, replies: [reply(page([open]))] }]);
    renderWithApp(<PatientBalancesPage />, { user: BILLER });

    await userEvent.click(await screen.findByRole('button', { name: 'Record payment' }));
    await userEvent.type(screen.getByLabelText('Amount ($)'), '12.345');
    await userEvent.click(screen.getByTestId('record-payment'));

    expect(await screen.findByTestId('form-errors')).toHaveTextContent('dollars and cents');
    expect(api.callsTo('POST', '/api/statements/7/payments')).toHaveLength(0);
  });

  it('lets a manager read balances without recording payments', async () => {
    mockApi([{ path: LIST, replies: [reply(page([open]))] }]);
    renderWithApp(<PatientBalancesPage />, { user: { username: 'manager', groups: ['manager'] } });

    expect(await screen.findByTestId('statement-row-7')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Record payment' })).not.toBeInTheDocument();
  });

  it('shows accounts of another status when asked', async () => {
    const api = mockApi([
      { path: LIST, replies: [reply(page([open]))] },
      { path: '/api/statements?status=PAID&page=0&size=50', replies: [reply(page([]))] },
    ]);
    renderWithApp(<PatientBalancesPage />, { user: BILLER });

    await screen.findByTestId('statement-row-7');
    await userEvent.selectOptions(screen.getByTestId('statement-status'), 'PAID');

    expect(await screen.findByText('No paid accounts')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('status=PAID');
    expect(api.calls.map((c) => c.url)).toContain('/api/statements?status=PAID&page=0&size=50');
  });
});

describe('parseDollars', () => {
  it('reads amounts the way billers type them', () => {
    expect(parseDollars('40')).toBe(4000);
    expect(parseDollars('40.5')).toBe(4050);
    expect(parseDollars(' $1,234.56 ')).toBe(123456);
    expect(parseDollars('0.07')).toBe(7);
  });

  it('refuses what is not dollars and cents', () => {
    expect(parseDollars('')).toBeNull();
    expect(parseDollars('12.345')).toBeNull();
    expect(parseDollars('-5')).toBeNull();
    expect(parseDollars('forty')).toBeNull();
  });
});
