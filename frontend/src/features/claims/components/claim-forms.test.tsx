import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Claim } from '@/features/claims/api/types';
import { FollowUpForm } from '@/features/claims/components/follow-up-form';
import { FixClaimForm } from '@/features/claims/components/fix-claim-form';
import { mockApi, problem, reply } from '@/testing/mock-api';
import { BILLER, renderWithApp, setCsrfCookie } from '@/testing/render';

const claim: Claim = {
  id: 11,
  claimNumber: 'CLM-2026-0001',
  encounterNumber: 'ENC-1001',
  patientName: 'Rivera, Ana',
  payerName: 'Acme Health',
  status: 'SCRUBBED',
  totalChargeCents: 24800,
  paidCents: null,
  dateOfService: '2026-10-28',
  claimType: 'PROFESSIONAL',
  diagnoses: [{ code: 'E11.9', description: 'Type 2 diabetes mellitus without complications' }],
  lines: [
    { lineNumber: 1, procedureCode: '99214', modifiers: ['25'], units: 1, chargeCents: 15000, diagnosisPointers: [1], paidCents: null },
    { lineNumber: 2, procedureCode: '93000', modifiers: [], units: 1, chargeCents: 9800, diagnosisPointers: [1], paidCents: null },
  ],
  submissions: [{ sequence: 1, submittedAt: '2026-10-29T10:00:00Z', fileName: 'CLM-2026-0001-1.837' }],
  denials: [],
  acknowledgements: [],
  findings: [],
};

describe('fix claim form', () => {
  const held: Claim = {
    ...claim,
    status: 'REJECTED',
    acknowledgements: [
      {
        sequence: 1,
        kind: '277CA',
        accepted: false,
        statusCodes: 'A7:562:85',
        message: 'The payer says the claim was rejected for invalid information (STC A7:562:85).',
        receivedAt: '2026-10-29T11:00:00Z',
      },
    ],
    findings: [
      {
        ruleId: 'PAYER-LATERALITY',
        severity: 'ERROR',
        message: '93000 needs a laterality modifier.',
        fix: 'Add LT, RT or 50.',
        lineNumber: 2,
      },
    ],
  };

  it('shows why the claim was held and sends only the lines the biller changed', async () => {
    setCsrfCookie('tok-f');
    const onDone = vi.fn();
    const api = mockApi([
      { path: '/api/claims/11', replies: [reply(held)] },
      { method: 'POST', path: '/api/claims/11/fix', replies: [reply({ ...held, status: 'DRAFT' })] },
    ]);
    renderWithApp(<FixClaimForm claimId={11} onDone={onDone} />, { user: BILLER });

    const findings = await screen.findByTestId('claim-findings');
    expect(findings).toHaveTextContent('Claim rejected (277CA)');
    expect(findings).toHaveTextContent('PAYER-LATERALITY (line 2): 93000 needs a laterality modifier. Fix: Add LT, RT or 50.');
    await userEvent.type(screen.getByTestId('line-modifiers-2'), 'rt');
    await userEvent.type(screen.getByTestId('member-id'), 'XJH123456');
    await userEvent.click(screen.getByTestId('fix-claim'));

    expect(onDone).toHaveBeenCalledTimes(1);
    const [call] = api.callsTo('POST', '/api/claims/11/fix');
    expect(call.json).toEqual({
      lineCorrections: [{ lineNumber: 2, modifiers: ['RT'], diagnosisPointers: [1], units: 1 }],
      memberId: 'XJH123456',
    });
    expect(call.headers['x-xsrf-token']).toBe('tok-f');
  });

  it('stays on the claim and names the field when the fix is refused', async () => {
    setCsrfCookie();
    const onDone = vi.fn();
    mockApi([
      { path: '/api/claims/11', replies: [reply(held)] },
      {
        method: 'POST',
        path: '/api/claims/11/fix',
        replies: [
          problem(422, 'The corrections are not valid; nothing was changed.', [
            { ruleId: 'CODING-POINTER-RANGE', field: 'lineCorrections[0].diagnosisPointers', severity: 'ERROR', message: 'Pointers must point at one of the claim\'s 1 diagnoses.' },
          ]),
        ],
      },
    ]);
    renderWithApp(<FixClaimForm claimId={11} onDone={onDone} />, { user: BILLER });

    const pointers = await screen.findByTestId('line-pointers-1');
    await userEvent.clear(pointers);
    await userEvent.type(pointers, '3');
    await userEvent.click(screen.getByTestId('fix-claim'));

    expect(await screen.findByTestId('form-errors')).toHaveTextContent('Pointers must point at one of the claim');
    expect(onDone).not.toHaveBeenCalled();
  });
});

describe('fix claim form for an institutional stay', () => {
  it('sends only the UB-04 fields the biller filled in', async () => {
    setCsrfCookie();
    const onDone = vi.fn();
    const stay: Claim = {
      ...claim,
      status: 'DRAFT',
      claimType: 'INSTITUTIONAL',
      findings: [
        {
          ruleId: 'INSTITUTIONAL-ADMISSION-TYPE',
          severity: 'ERROR',
          message: 'The admission type is missing or not a UB-04 code.',
          fix: 'Enter the admission type.',
          lineNumber: null,
        },
      ],
    };
    const api = mockApi([
      { path: '/api/claims/11', replies: [reply(stay)] },
      { method: 'POST', path: '/api/claims/11/fix', replies: [reply(stay)] },
    ]);
    renderWithApp(<FixClaimForm claimId={11} onDone={onDone} />, { user: BILLER });

    await userEvent.type(await screen.findByTestId('facility-admissionType'), '3');
    await userEvent.click(screen.getByTestId('fix-claim'));

    expect(onDone).toHaveBeenCalledTimes(1);
    expect(api.callsTo('POST', '/api/claims/11/fix')[0].json).toEqual({ lineCorrections: [], facility: { admissionType: '3' } });
  });

  it('shows no facility fields on a professional claim', async () => {
    mockApi([{ path: '/api/claims/11', replies: [reply({ ...claim, status: 'DRAFT' })] }]);
    renderWithApp(<FixClaimForm claimId={11} onDone={vi.fn()} />, { user: BILLER });

    expect(await screen.findByTestId('fix-claim')).toBeInTheDocument();
    expect(screen.queryByTestId('facility-admissionType')).toBeNull();
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

  it('says which answer is missing when chasing a 277CA', async () => {
    mockApi([{ path: '/api/claims/11', replies: [reply({ ...claim, status: 'SUBMITTED' })] }]);
    renderWithApp(<FollowUpForm claimId={11} onDone={vi.fn()} awaiting="CLAIM_ACK" />, { user: BILLER });

    expect(await screen.findByRole('heading', { name: /Chase the missing 277CA for claim CLM-2026-0001/ })).toBeInTheDocument();
  });
});
