import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CodingAudit } from '@/features/audits/api/types';
import { AuditForm } from '@/features/audits/components/audit-form';
import { mockApi, problem, reply } from '@/testing/mock-api';
import { renderWithApp, setCsrfCookie } from '@/testing/render';

const AUDITOR = { username: 'auditor', groups: ['auditor'] };

const audit: CodingAudit = {
  id: 5,
  codingCaseId: 7,
  encounterNumber: 'ENC-1001',
  patientName: 'Rivera, Ana',
  dateOfService: '2026-10-28',
  coder: 'coder',
  documentation: 'Knee pain, right side. Injection of the right knee performed.',
  status: 'OPEN',
  diagnoses: [
    { position: 1, code: 'M17.11', description: 'Unilateral primary osteoarthritis, right knee' },
    { position: 2, code: 'I10', description: 'Essential (primary) hypertension' },
  ],
  procedures: [{ position: 1, code: '20610', modifiers: ['RT'], units: 1, diagnosisPointers: [1] }],
};

describe('coding audit', () => {
  it('marks each code right or wrong, with a correction, and completes the audit', async () => {
    setCsrfCookie('tok-a');
    const onDone = vi.fn();
    const api = mockApi([
      { path: '/api/audits/5', replies: [reply(audit)] },
      { method: 'POST', path: '/api/audits/5/complete', replies: [reply({ ...audit, status: 'DONE' })] },
    ]);
    renderWithApp(<AuditForm auditId={5} onDone={onDone} />, { user: AUDITOR });

    expect(await screen.findByTestId('audit-coder')).toHaveTextContent('coder');
    await userEvent.click(screen.getByTestId('audit-dx-1-correct'));
    await userEvent.click(screen.getByTestId('audit-dx-2-wrong'));
    await userEvent.type(screen.getByLabelText('Corrected code for diagnosis 2'), 'i11.9');
    await userEvent.click(screen.getByTestId('audit-px-1-correct'));
    await userEvent.click(screen.getByTestId('complete-audit'));

    expect(onDone).toHaveBeenCalledTimes(1);
    const [call] = api.callsTo('POST', '/api/audits/5/complete');
    expect(call.headers['x-xsrf-token']).toBe('tok-a');
    expect(call.json).toEqual({
      diagnoses: [
        { position: 1, correct: true },
        { position: 2, correct: false, correctedCode: 'I11.9' },
      ],
      procedures: [{ position: 1, correct: true }],
    });
  });

  it('refuses to complete while a code is unmarked, and marks the rest right on request', async () => {
    setCsrfCookie();
    const api = mockApi([
      { path: '/api/audits/5', replies: [reply(audit)] },
      { method: 'POST', path: '/api/audits/5/complete', replies: [reply(audit)] },
    ]);
    renderWithApp(<AuditForm auditId={5} onDone={() => {}} />, { user: AUDITOR });

    await userEvent.click(await screen.findByTestId('audit-dx-2-wrong'));
    await userEvent.click(screen.getByTestId('complete-audit'));
    expect(screen.getByTestId('form-errors')).toHaveTextContent('Mark every code right or wrong: 2 still open.');
    expect(api.callsTo('POST', '/api/audits/5/complete')).toHaveLength(0);

    await userEvent.click(screen.getByTestId('audit-mark-rest-correct'));
    expect(screen.getByTestId('audit-dx-1-correct')).toBeChecked();
    expect(screen.getByTestId('audit-dx-2-wrong')).toBeChecked();
    await userEvent.click(screen.getByTestId('complete-audit'));
    expect(api.callsTo('POST', '/api/audits/5/complete')[0].json).toEqual({
      diagnoses: [
        { position: 1, correct: true },
        { position: 2, correct: false },
      ],
      procedures: [{ position: 1, correct: true }],
    });
  });

  it('shows why the server refused the audit', async () => {
    setCsrfCookie();
    mockApi([
      { path: '/api/audits/5', replies: [reply({ ...audit, procedures: [] })] },
      {
        method: 'POST',
        path: '/api/audits/5/complete',
        replies: [problem(422, 'The audit needs correcting.', [{ severity: 'ERROR', field: 'diagnoses[0].correctedCode', message: 'X99 is not a code.' }])],
      },
    ]);
    renderWithApp(<AuditForm auditId={5} onDone={() => {}} />, { user: AUDITOR });

    expect(await screen.findByText('No procedures were coded.')).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('audit-mark-rest-correct'));
    await userEvent.click(screen.getByTestId('complete-audit'));
    expect(await screen.findByTestId('form-errors')).toHaveTextContent('X99 is not a code.');
  });
});
