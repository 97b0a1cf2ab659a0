import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { RemittanceException } from '@/features/remittance/api/types';
import { ReviewRemittanceForm } from '@/features/remittance/components/review-remittance-form';
import { mockApi, problem, reply } from '@/testing/mock-api';
import { BILLER, renderWithApp, setCsrfCookie } from '@/testing/render';

const notFound: RemittanceException = {
  id: 7,
  kind: 'CLAIM_NOT_FOUND',
  status: 'OPEN',
  message: 'The payer\'s answer for claim number RC000000099 (payment $100.00, charge $135.00) matches none of our claims.',
  amountCents: 10000,
  differenceCents: null,
  payerName: 'Prairie Mutual',
  payerId: 'PRAIRIE1',
  traceNumber: 'TRC1234567',
  paymentDate: '2026-11-20',
  paymentCents: 10000,
  sentClaimNumber: 'RC000000099',
  statusCode: '1',
  chargeCents: 13500,
  paidCents: 10000,
  patientResponsibilityCents: 0,
  payerClaimControl: 'ICN-55',
  statementDate: '2026-11-10',
  claimId: null,
  claimNumber: null,
  lines: [
    {
      position: 1,
      lineNumber: null,
      procedureCode: '99213',
      modifiers: '25',
      chargeCents: 13500,
      paidCents: 10000,
      allowedCents: null,
      serviceDate: '2026-11-10',
      remarkCodes: null,
    },
  ],
  adjustments: [
    { linePosition: 1, groupCode: 'CO', reasonCode: '45', reasonText: 'Charge exceeds fee schedule', amountCents: 3500, quantity: null, remarkCodes: null },
  ],
  actions: ['POST_TO_CLAIM', 'ACKNOWLEDGE'],
  resolutionNote: null,
  resolvedClaimNumber: null,
  resolvedBy: null,
  resolvedAt: null,
  createdAt: '2026-11-21T09:00:00Z',
};

const unbalanced: RemittanceException = {
  ...notFound,
  id: 8,
  kind: 'UNBALANCED_PAYMENT',
  message: 'The payment (BPR02) of $999.99 under trace number TRC1234567 does not match its claims.',
  differenceCents: 89900,
  sentClaimNumber: null,
  lines: [],
  adjustments: [],
  actions: ['ACKNOWLEDGE'],
};

describe('review remittance form', () => {
  it('shows the exception, the payment and the lines as the payer sent them', async () => {
    mockApi([{ path: '/api/remittance-exceptions/7', replies: [reply(notFound)] }]);
    renderWithApp(<ReviewRemittanceForm exceptionId={7} onDone={() => {}} />, { user: BILLER });

    expect(await screen.findByRole('heading', { name: /No such claim — claim RC000000099/ })).toBeInTheDocument();
    expect(screen.getByTestId('exception-message')).toHaveTextContent('matches none of our claims');
    const facts = screen.getByTestId('exception-facts');
    expect(facts).toHaveTextContent('Prairie Mutual');
    expect(facts).toHaveTextContent('TRC1234567');
    expect(facts).toHaveTextContent('$135.00');
    expect(facts).toHaveTextContent('ICN-55');
    expect(screen.getByText('99213:25')).toBeInTheDocument();
    expect(screen.getByText('CO-45 $35.00')).toBeInTheDocument();
    expect(screen.getByTestId('resolve-exception')).toBeDisabled();
  });

  it('posts a payment that matched no claim to the claim the biller names', async () => {
    setCsrfCookie('tok-r');
    const onDone = vi.fn();
    const api = mockApi([
      { path: '/api/remittance-exceptions/7', replies: [reply(notFound)] },
      { method: 'POST', path: '/api/remittance-exceptions/7/resolve', replies: [reply({ ...notFound, status: 'POSTED', actions: [] })] },
    ]);
    renderWithApp(<ReviewRemittanceForm exceptionId={7} onDone={onDone} />, { user: BILLER });

    await userEvent.click(await screen.findByLabelText('Post to claim'));
    await userEvent.type(screen.getByLabelText('Claim number'), ' RC0000001234 ');
    await userEvent.click(screen.getByRole('button', { name: 'Post payment' }));

    expect(onDone).toHaveBeenCalledTimes(1);
    const [call] = api.callsTo('POST', '/api/remittance-exceptions/7/resolve');
    expect(call.headers['x-xsrf-token']).toBe('tok-r');
    expect(call.json).toEqual({ action: 'POST_TO_CLAIM', claimNumber: 'RC0000001234' });
  });

  it('acknowledges an exception that cannot be posted elsewhere once a note says why', async () => {
    setCsrfCookie();
    const onDone = vi.fn();
    const api = mockApi([
      { path: '/api/remittance-exceptions/8', replies: [reply(unbalanced)] },
      { method: 'POST', path: '/api/remittance-exceptions/8/resolve', replies: [reply({ ...unbalanced, status: 'ACKNOWLEDGED' })] },
    ]);
    renderWithApp(<ReviewRemittanceForm exceptionId={8} onDone={onDone} />, { user: BILLER });

    expect(await screen.findByTestId('exception-facts')).toHaveTextContent('$899.00');
    expect(screen.queryByLabelText('Post to claim')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Acknowledge' })).toBeDisabled();
    await userEvent.type(screen.getByLabelText('Note'), 'Payer confirmed a $899 recovery by phone.');
    await userEvent.click(screen.getByRole('button', { name: 'Acknowledge' }));

    expect(api.callsTo('POST', '/api/remittance-exceptions/8/resolve')[0].json).toEqual({
      action: 'ACKNOWLEDGE',
      note: 'Payer confirmed a $899 recovery by phone.',
    });
    expect(onDone).toHaveBeenCalled();
  });

  it('keeps the form and shows the server\'s reason beside the field when posting is refused', async () => {
    setCsrfCookie();
    const onDone = vi.fn();
    mockApi([
      { path: '/api/remittance-exceptions/7', replies: [reply(notFound)] },
      {
        method: 'POST',
        path: '/api/remittance-exceptions/7/resolve',
        replies: [
          problem(422, 'There is no claim RC0000009999.', [
            { ruleId: 'REMITTANCE-EXCEPTION', severity: 'ERROR', field: 'claimNumber', message: 'There is no claim RC0000009999.' },
          ]),
        ],
      },
    ]);
    renderWithApp(<ReviewRemittanceForm exceptionId={7} onDone={onDone} />, { user: BILLER });

    await userEvent.click(await screen.findByLabelText('Post to claim'));
    await userEvent.type(screen.getByLabelText('Claim number'), 'RC0000009999');
    await userEvent.click(screen.getByRole('button', { name: 'Post payment' }));

    expect(await screen.findByTestId('form-errors')).toHaveTextContent('Claim number: There is no claim RC0000009999.');
    expect(screen.getByLabelText('Claim number')).toHaveValue('RC0000009999');
    expect(onDone).not.toHaveBeenCalled();
  });

  it('says so when the exception cannot be loaded', async () => {
    mockApi([{ path: '/api/remittance-exceptions/9', replies: [problem(404, 'Remittance exception 9 was not found.')] }]);
    renderWithApp(<ReviewRemittanceForm exceptionId={9} onDone={() => {}} />, { user: BILLER });

    expect(await screen.findByRole('alert')).toHaveTextContent('Remittance exception 9 was not found.');
  });
});
