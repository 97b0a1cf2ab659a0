import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CodingCase } from '@/features/coding/api/types';
import { CodingForm } from '@/features/coding/components/coding-form';
import { mockApi, problem, reply } from '@/testing/mock-api';
import { renderWithApp, setCsrfCookie } from '@/testing/render';

const DOCUMENTATION = 'CHIEF COMPLAINT: follow-up of diabetes.\nASSESSMENT:\n1. Type 2 diabetes without complications.\n2. Essential hypertension.';

const codingCase = (overrides: Partial<CodingCase> = {}): CodingCase => ({
  id: 7,
  encounterId: 70,
  encounterNumber: 'ENC-1001',
  status: 'OPEN',
  patientName: 'Rivera, Ana',
  patientBirthDate: '1961-04-02',
  patientSex: 'F',
  dateOfService: '2026-10-28',
  payerName: 'Acme Health',
  documentation: DOCUMENTATION,
  draft: null,
  finalCodes: null,
  ...overrides,
});

async function fillValidCodes() {
  await userEvent.type(screen.getByTestId('dx-code-0'), 'e11.9');
  await userEvent.click(screen.getByTestId('add-diagnosis'));
  await userEvent.type(screen.getByTestId('dx-code-1'), 'I10');
  await userEvent.type(screen.getByTestId('px-code-0'), '99214');
  await userEvent.type(screen.getByTestId('px-modifiers-0'), '25, 59');
  await userEvent.clear(screen.getByTestId('px-units-0'));
  await userEvent.type(screen.getByTestId('px-units-0'), '2');
  await userEvent.type(screen.getByTestId('px-pointers-0'), '1,2');
}

describe('coding form', () => {
  it('shows the documentation with its line breaks and the encounter facts', async () => {
    mockApi([{ path: '/api/coding/cases/7', replies: [reply(codingCase())] }]);
    renderWithApp(<CodingForm caseId={7} onDone={() => {}} />);

    const documentation = await screen.findByTestId('documentation');
    expect(documentation.textContent).toBe(DOCUMENTATION);
    expect(getComputedStyle(documentation).whiteSpace === 'pre-wrap' || documentation.tagName === 'PRE').toBe(true);
    expect(screen.getByText('Rivera, Ana')).toBeInTheDocument();
    expect(screen.getByText('10/28/2026')).toBeInTheDocument();
  });

  it('starts from the saved draft, with descriptions from the case', async () => {
    mockApi([
      {
        path: '/api/coding/cases/7',
        replies: [
          reply(
            codingCase({
              draft: {
                diagnoses: [{ code: 'E11.9', description: 'Type 2 diabetes mellitus without complications' }],
                procedures: [{ code: '99213', modifiers: ['25'], units: 1, diagnosisPointers: [1] }],
              },
            }),
          ),
        ],
      },
    ]);
    renderWithApp(<CodingForm caseId={7} onDone={() => {}} />);

    expect(await screen.findByTestId('dx-code-0')).toHaveValue('E11.9');
    expect(screen.getByText('Type 2 diabetes mellitus without complications')).toBeInTheDocument();
    expect(screen.getByTestId('px-code-0')).toHaveValue('99213');
    expect(screen.getByTestId('px-modifiers-0')).toHaveValue('25');
    expect(screen.getByTestId('px-pointers-0')).toHaveValue('1');
  });

  it('completes coding with the codes as the API expects them', async () => {
    setCsrfCookie('tok-c');
    const onDone = vi.fn();
    const api = mockApi([
      { path: '/api/coding/cases/7', replies: [reply(codingCase())] },
      { method: 'POST', path: '/api/coding/cases/7/complete', replies: [reply(codingCase({ status: 'CODED' }))] },
    ]);
    renderWithApp(<CodingForm caseId={7} onDone={onDone} />);
    await screen.findByTestId('dx-code-0');

    await fillValidCodes();
    await userEvent.click(screen.getByTestId('complete-coding'));

    expect(onDone).toHaveBeenCalledTimes(1);
    const [complete] = api.callsTo('POST', '/api/coding/cases/7/complete');
    expect(complete.headers['x-xsrf-token']).toBe('tok-c');
    expect(complete.headers['content-type']).toBe('application/json');
    expect(complete.json).toEqual({
      diagnoses: [{ code: 'E11.9' }, { code: 'I10' }],
      procedures: [{ code: '99214', modifiers: ['25', '59'], units: 2, diagnosisPointers: [1, 2] }],
    });
  });

  it('saves a draft with PUT and stays on the form', async () => {
    setCsrfCookie();
    const onDone = vi.fn();
    const api = mockApi([
      { path: '/api/coding/cases/7', replies: [reply(codingCase())] },
      { method: 'PUT', path: '/api/coding/cases/7/draft', replies: [reply(codingCase())] },
    ]);
    renderWithApp(<CodingForm caseId={7} onDone={onDone} />);
    await userEvent.type(await screen.findByTestId('dx-code-0'), 'I10');

    await userEvent.click(screen.getByTestId('save-draft'));

    expect(await screen.findByText(/Draft saved/)).toBeInTheDocument();
    expect(onDone).not.toHaveBeenCalled();
    // The untouched blank procedure row is not sent.
    expect(api.callsTo('PUT', '/api/coding/cases/7/draft')[0].json).toEqual({ diagnoses: [{ code: 'I10' }], procedures: [] });
  });

  it('shows 422 errors next to the fields they name and in the summary', async () => {
    setCsrfCookie();
    const onDone = vi.fn();
    mockApi([
      { path: '/api/coding/cases/7', replies: [reply(codingCase())] },
      {
        method: 'POST',
        path: '/api/coding/cases/7/complete',
        replies: [
          problem(422, 'The codes need correcting.', [
            { ruleId: 'DX_NOT_BILLABLE', severity: 'ERROR', field: 'diagnoses[1].code', message: 'I10X is not a valid ICD-10-CM code.' },
            { ruleId: 'MOD_INVALID', severity: 'ERROR', field: 'procedures[0].modifiers', message: 'Modifier 59 cannot be used with 99214.' },
          ]),
        ],
      },
    ]);
    renderWithApp(<CodingForm caseId={7} onDone={onDone} />);
    await screen.findByTestId('dx-code-0');
    await fillValidCodes();

    await userEvent.click(screen.getByTestId('complete-coding'));

    const summary = await screen.findByTestId('form-errors');
    expect(summary).toHaveTextContent('The codes need correcting.');
    expect(summary).toHaveTextContent('Diagnosis 2 code: I10X is not a valid ICD-10-CM code.');
    expect(summary).toHaveTextContent('Procedure 1 modifiers: Modifier 59 cannot be used with 99214.');

    const dx = screen.getByTestId('dx-code-1');
    expect(dx).toHaveAttribute('aria-invalid', 'true');
    expect(dx).toHaveAccessibleDescription('I10X is not a valid ICD-10-CM code.');
    expect(screen.getByTestId('px-modifiers-0')).toHaveAccessibleDescription('Modifier 59 cannot be used with 99214.');
    expect(screen.getByTestId('dx-code-0')).not.toHaveAttribute('aria-invalid');
    expect(onDone).not.toHaveBeenCalled();
  });

  it('puts server errors on the on-screen row when a blank row was left out', async () => {
    setCsrfCookie();
    const api = mockApi([
      { path: '/api/coding/cases/7', replies: [reply(codingCase())] },
      {
        method: 'POST',
        path: '/api/coding/cases/7/complete',
        replies: [problem(422, 'Invalid', [{ severity: 'ERROR', field: 'diagnoses[1].code', message: 'Not billable.' }])],
      },
    ]);
    renderWithApp(<CodingForm caseId={7} onDone={() => {}} />);
    await userEvent.type(await screen.findByTestId('dx-code-0'), 'E11.9');
    await userEvent.click(screen.getByTestId('add-diagnosis'));
    await userEvent.click(screen.getByTestId('add-diagnosis'));
    await userEvent.type(screen.getByTestId('dx-code-2'), 'E11');
    await userEvent.type(screen.getByTestId('px-code-0'), '99213');
    await userEvent.type(screen.getByTestId('px-pointers-0'), '1,3');

    await userEvent.click(screen.getByTestId('complete-coding'));

    expect(api.callsTo('POST', '/api/coding/cases/7/complete')[0].json).toEqual({
      diagnoses: [{ code: 'E11.9' }, { code: 'E11' }],
      procedures: [{ code: '99213', modifiers: [], units: 1, diagnosisPointers: [1, 2] }],
    });
    expect(await screen.findByTestId('dx-code-2')).toHaveAccessibleDescription('Not billable.');
    expect(within(screen.getByTestId('form-errors')).getByText(/Diagnosis 3 code/)).toBeInTheDocument();
  });

  it('does not send pointers to empty diagnosis rows', async () => {
    const api = mockApi([{ path: '/api/coding/cases/7', replies: [reply(codingCase())] }]);
    renderWithApp(<CodingForm caseId={7} onDone={() => {}} />);
    await userEvent.type(await screen.findByTestId('dx-code-0'), 'E11.9');
    await userEvent.type(screen.getByTestId('px-code-0'), '99213');
    await userEvent.type(screen.getByTestId('px-pointers-0'), '1,2');

    await userEvent.click(screen.getByTestId('complete-coding'));

    expect(screen.getByTestId('px-pointers-0')).toHaveAccessibleDescription(/"2" is not the number of a diagnosis row/);
    expect(api.callsTo('POST', '/api/coding/cases/7/complete')).toHaveLength(0);
  });
});
