import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { WriteOff } from '@/features/write-offs/api/types';
import { ApproveWriteOffForm } from '@/features/write-offs/components/approve-write-off-form';
import { mockApi, problem, reply } from '@/testing/mock-api';
import { MANAGER, renderWithApp, setCsrfCookie } from '@/testing/render';

const writeOff: WriteOff = {
  id: 8,
  claimId: 11,
  claimNumber: 'CLM-2026-0001',
  payerName: 'Acme Health',
  claimStatus: 'DENIED',
  amountCents: 24800,
  reason: 'Filed after the payer’s timely-filing limit (CARC 29).',
  decision: null,
  decisionNote: null,
  decidedBy: null,
  decidedAt: null,
  denials: [
    {
      id: 51,
      lineNumber: null,
      groupCode: 'CO',
      reasonCode: '29',
      reasonText: 'The time limit for filing has expired.',
      remarkCodes: [],
      amountCents: 24800,
      route: 'TIMELY_FILING',
      routeReason: 'Filed too late: a manager approves the write-off.',
      status: 'OPEN',
    },
  ],
};

describe('approve write-off form', () => {
  it('shows the claim, payer, amount, reason and denied items', async () => {
    mockApi([{ path: '/api/write-offs/8', replies: [reply(writeOff)] }]);
    renderWithApp(<ApproveWriteOffForm writeOffId={8} onDone={vi.fn()} />, { user: MANAGER });

    const facts = await screen.findByTestId('write-off-facts');
    expect(facts).toHaveTextContent('CLM-2026-0001');
    expect(facts).toHaveTextContent('Acme Health');
    expect(screen.getByTestId('write-off-amount')).toHaveTextContent('$248.00');
    expect(screen.getByTestId('write-off-reason')).toHaveTextContent('timely-filing limit');
    expect(screen.getByTestId('denied-item')).toHaveTextContent('CO-29 The time limit for filing has expired.');
    expect(screen.getByTestId('decide-write-off')).toBeDisabled();
  });

  it('approves', async () => {
    setCsrfCookie('tok-w');
    const onDone = vi.fn();
    const api = mockApi([
      { path: '/api/write-offs/8', replies: [reply(writeOff)] },
      { method: 'POST', path: '/api/write-offs/8/decision', replies: [reply({ ...writeOff, decision: 'APPROVED' })] },
    ]);
    renderWithApp(<ApproveWriteOffForm writeOffId={8} onDone={onDone} />, { user: MANAGER });

    await userEvent.click(await screen.findByLabelText('Approve'));
    await userEvent.click(screen.getByTestId('decide-write-off'));

    expect(onDone).toHaveBeenCalledTimes(1);
    const [call] = api.callsTo('POST', '/api/write-offs/8/decision');
    expect(call.headers['x-xsrf-token']).toBe('tok-w');
    expect(call.json).toEqual({ approved: true });
  });

  it('refuses with a note', async () => {
    setCsrfCookie();
    const onDone = vi.fn();
    const api = mockApi([
      { path: '/api/write-offs/8', replies: [reply(writeOff)] },
      { method: 'POST', path: '/api/write-offs/8/decision', replies: [reply({ ...writeOff, decision: 'REFUSED' })] },
    ]);
    renderWithApp(<ApproveWriteOffForm writeOffId={8} onDone={onDone} />, { user: MANAGER });

    await userEvent.click(await screen.findByLabelText('Refuse'));
    await userEvent.type(screen.getByLabelText('Note'), 'We have proof of timely filing: 999 of 10/29.');
    await userEvent.click(screen.getByTestId('decide-write-off'));

    expect(api.callsTo('POST', '/api/write-offs/8/decision')[0].json).toEqual({
      approved: false,
      note: 'We have proof of timely filing: 999 of 10/29.',
    });
    expect(onDone).toHaveBeenCalled();
  });

  it('keeps the form and shows why when the decision fails', async () => {
    setCsrfCookie();
    const onDone = vi.fn();
    mockApi([
      { path: '/api/write-offs/8', replies: [reply(writeOff)] },
      {
        method: 'POST',
        path: '/api/write-offs/8/decision',
        replies: [problem(422, 'The decision is not valid.', [{ field: 'note', severity: 'ERROR', message: 'size must be between 0 and 2000' }])],
      },
    ]);
    renderWithApp(<ApproveWriteOffForm writeOffId={8} onDone={onDone} />, { user: MANAGER });

    await userEvent.click(await screen.findByLabelText('Refuse'));
    await userEvent.click(screen.getByTestId('decide-write-off'));

    const errors = await screen.findByTestId('form-errors');
    expect(errors).toHaveTextContent('The decision is not valid.');
    expect(errors).toHaveTextContent('note: size must be between 0 and 2000');
    expect(onDone).not.toHaveBeenCalled();
  });
});
