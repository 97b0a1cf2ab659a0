import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CodeEntry, CodingCase } from '@/features/coding/api/types';
import { CodingForm } from '@/features/coding/components/coding-form';
import { mockApi, page, problem, reply } from '@/testing/mock-api';
import { renderWithApp, setCsrfCookie } from '@/testing/render';

/** The keyboard-first workbench: every test here drives the form with keys only. */

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
  documentation: 'Right knee osteoarthritis; injection of the right knee.',
  draft: null,
  finalCodes: null,
  ...overrides,
});

const icd = (code: string, display: string, description: string, billable = true): CodeEntry => ({
  system: 'ICD10CM',
  code,
  display,
  description,
  billable,
  header: !billable,
});

const caseRoute = (c = codingCase()) => ({ path: '/api/coding/cases/7', replies: [reply(c)] });
const search = (q: RegExp, entries: CodeEntry[]) => ({ path: q, replies: [reply(page(entries, 0, 10, null))] });

async function renderForm(routes: Parameters<typeof mockApi>[0], onDone = vi.fn()) {
  setCsrfCookie('tok-k');
  const api = mockApi(routes);
  renderWithApp(<CodingForm caseId={7} onDone={onDone} />);
  const first = await screen.findByTestId('dx-code-0');
  expect(first).toHaveFocus();
  return { api, onDone };
}

describe('coding workbench (keyboard)', () => {
  it('searches by words, moves with the arrows and adds the highlighted code with Enter', async () => {
    const { api } = await renderForm([
      caseRoute(),
      search(/\/api\/codes\/search\?system=ICD10CM&q=dia/, [
        icd('E1121', 'E11.21', 'Type 2 diabetes mellitus with diabetic nephropathy'),
        icd('E1122', 'E11.22', 'Type 2 diabetes mellitus with diabetic chronic kidney disease'),
      ]),
    ]);

    await userEvent.keyboard('diab neph');
    const options = await screen.findAllByTestId('code-option');
    expect(options.map((o) => o.dataset.code)).toEqual(['E11.21', 'E11.22']);
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    expect(options[1]).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByTestId('dx-code-0')).toHaveAttribute('aria-activedescendant', options[1].id);
    await userEvent.keyboard('{Enter}');

    expect(screen.getByTestId('dx-code-0')).toHaveValue('E11.22');
    expect(screen.getByText('Type 2 diabetes mellitus with diabetic chronic kidney disease')).toBeInTheDocument();
    expect(screen.getByTestId('dx-code-1')).toHaveFocus();
    const [call] = api.calls.filter((c) => c.url.includes('q=diab+neph'));
    expect(new URL(call.url, 'http://x').searchParams.get('dos')).toBe('2026-10-28');
  });

  it('takes the typed code as it is when no suggestion is highlighted, and Escape closes the list', async () => {
    await renderForm([caseRoute(), search(/q=I1/, [icd('I10', 'I10', 'Essential (primary) hypertension')])]);

    await userEvent.keyboard('I10');
    expect(await screen.findByTestId('code-option')).toBeVisible();
    await userEvent.keyboard('{Escape}');
    expect(screen.getByTestId('dx-code-0-options')).not.toBeVisible();
    expect(screen.getByTestId('dx-code-0')).toHaveValue('I10');
    await userEvent.keyboard('{Enter}');
    expect(screen.getByTestId('dx-code-1')).toHaveFocus();
    // Enter on an empty diagnosis goes on to the procedure lines.
    await userEvent.keyboard('{Enter}');
    expect(screen.getByTestId('px-code-0')).toHaveFocus();
  });

  it('shows the search loading, finding nothing and failing, and never blocks typing', async () => {
    let release: (v?: unknown) => void = () => {};
    await renderForm([
      caseRoute(),
      { path: /q=Z9/, replies: [{ wait: new Promise((r) => (release = r)), body: page([]) }] },
      { path: /q=Q/, replies: [problem(503, 'Code search is starting up')] },
    ]);

    await userEvent.keyboard('Z9');
    expect(await screen.findByText('Searching…')).toBeInTheDocument();
    await act(async () => release());
    expect(await screen.findByText(/No matching codes/)).toBeInTheDocument();

    await userEvent.clear(screen.getByTestId('dx-code-0'));
    await userEvent.keyboard('Q');
    expect(await screen.findByText(/Code search is unavailable \(Code search is starting up\)/)).toBeInTheDocument();
    expect(screen.getByTestId('dx-code-0')).toHaveValue('Q');
  });

  it('makes a diagnosis principal with Alt+P and moves it with Alt+arrows; pointers follow their diagnosis', async () => {
    await renderForm([
      caseRoute(
        codingCase({
          draft: {
            diagnoses: [{ code: 'I10' }, { code: 'M17.11' }],
            procedures: [{ code: '20610', modifiers: ['RT'], units: 1, diagnosisPointers: [2] }],
          },
        }),
      ),
    ]);
    act(() => screen.getByTestId('dx-code-1').focus());

    await userEvent.keyboard('{Alt>}p{/Alt}');
    expect(screen.getByTestId('dx-code-0')).toHaveValue('M17.11');
    expect(screen.getByTestId('dx-code-0')).toHaveFocus();
    expect(screen.getByTestId('px-pointers-0')).toHaveValue('1');

    await userEvent.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(screen.getByTestId('dx-code-1')).toHaveValue('M17.11');
    expect(screen.getByTestId('dx-code-1')).toHaveFocus();
    expect(screen.getByTestId('px-pointers-0')).toHaveValue('2');

    await userEvent.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(screen.getByTestId('dx-code-0')).toHaveValue('M17.11');
  });

  it('codes with keys only: a header code is refused with the reason beside it, fixed, and completed', async () => {
    const { api, onDone } = await renderForm([
      caseRoute(),
      search(/q=M17\.11/, [icd('M1711', 'M17.11', 'Unilateral primary osteoarthritis, right knee')]),
      search(/q=M/, [icd('M171', 'M17.1', 'Unilateral primary osteoarthritis of knee', false)]),
      {
        method: 'POST',
        path: '/api/coding/cases/7/complete',
        replies: [
          problem(422, 'The codes did not pass the coding edits; nothing was saved.', [
            {
              ruleId: 'CODING-DX-NOT-BILLABLE',
              severity: 'ERROR',
              field: 'diagnoses[0].code',
              message: 'M171 is a category header, not billable: use M1710, M1711 or M1712.',
            },
          ]),
          reply(codingCase({ status: 'CODED' })),
        ],
      },
    ]);

    await userEvent.keyboard('M17.1');
    await screen.findByTestId('code-option');
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard('{Alt>}l{/Alt}');
    expect(screen.getByTestId('px-code-0')).toHaveFocus();
    await userEvent.keyboard('20610{Enter}');
    expect(screen.getByTestId('px-modifiers-0')).toHaveFocus();
    await userEvent.keyboard('RT{Tab}{Tab}1');
    expect(screen.getByTestId('dx-header-0')).toHaveTextContent('Category header, not billable');
    await userEvent.keyboard('{Control>}{Enter}{/Control}');

    const summary = await screen.findByTestId('form-errors');
    expect(summary).toHaveFocus();
    expect(summary).toHaveTextContent('M171 is a category header, not billable');
    expect(screen.getByTestId('dx-code-0')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('dx-code-0')).toHaveAccessibleDescription(/use M1710, M1711 or M1712/);
    expect(onDone).not.toHaveBeenCalled();

    // From the summary to the field, then fix it from the suggestions.
    await userEvent.keyboard('{Tab}');
    expect(within(summary).getByRole('button', { name: 'Diagnosis 1 code' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByTestId('dx-code-0')).toHaveFocus();
    await userEvent.keyboard('{End}1');
    expect(await screen.findByTestId('code-option')).toHaveAttribute('data-code', 'M17.11');
    await userEvent.keyboard('{ArrowDown}{Enter}{Control>}{Enter}{/Control}');

    expect(onDone).toHaveBeenCalledTimes(1);
    const calls = api.callsTo('POST', '/api/coding/cases/7/complete');
    expect(calls).toHaveLength(2);
    expect(calls[1].json).toEqual({
      diagnoses: [{ code: 'M17.11' }],
      procedures: [{ code: '20610', modifiers: ['RT'], units: 1, diagnosisPointers: [1] }],
    });
  });

  it('saves the draft with Ctrl+S', async () => {
    const { api } = await renderForm([
      caseRoute(),
      { method: 'PUT', path: '/api/coding/cases/7/draft', replies: [reply(codingCase())] },
    ]);
    await userEvent.keyboard('I10{Escape}');
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
    await userEvent.keyboard('{Control>}s{/Control}');

    expect(await screen.findByText(/Draft saved/)).toBeInTheDocument();
    expect(api.callsTo('PUT', '/api/coding/cases/7/draft')[0].json).toEqual({ diagnoses: [{ code: 'I10' }], procedures: [] });
  });

  it('offers the load again when the case does not load', async () => {
    mockApi([{ path: '/api/coding/cases/7', replies: [problem(500, 'Database unavailable'), reply(codingCase())] }]);
    renderWithApp(<CodingForm caseId={7} onDone={() => {}} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load the coding case: Database unavailable');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('dx-code-0')).toBeInTheDocument();
  });
});

describe('query physician from the coding form', () => {
  it('saves the draft, then sends a non-leading query that always offers "Clinically undetermined"', async () => {
    const { api, onDone } = await renderForm([
      caseRoute(),
      { method: 'PUT', path: '/api/coding/cases/7/draft', replies: [reply(codingCase())] },
      { method: 'POST', path: '/api/coding/cases/7/queries', replies: [reply({ id: 31 }, 201)] },
    ]);
    await userEvent.keyboard('M17.11{Escape}');

    await userEvent.keyboard('{Alt>}q{/Alt}');
    expect(screen.getByTestId('query-question')).toHaveFocus();
    await userEvent.keyboard('Which type of knee osteoarthritis does the documentation support?');
    await userEvent.type(screen.getByTestId('query-option-0'), 'Primary');
    await userEvent.type(screen.getByTestId('query-option-1'), 'Post-traumatic');
    await userEvent.click(screen.getByTestId('send-query'));

    expect(onDone).toHaveBeenCalledTimes(1);
    const order = api.calls.filter((c) => c.method !== 'GET').map((c) => `${c.method} ${c.url}`);
    expect(order).toEqual(['PUT /api/coding/cases/7/draft', 'POST /api/coding/cases/7/queries']);
    expect(api.callsTo('POST', '/api/coding/cases/7/queries')[0].json).toEqual({
      question: 'Which type of knee osteoarthritis does the documentation support?',
      options: ['Primary', 'Post-traumatic', 'Clinically undetermined'],
      allowFreeText: true,
    });
  });

  it('refuses a query without answers to choose from and keeps the coder on the form', async () => {
    const { api, onDone } = await renderForm([caseRoute()]);
    await userEvent.click(screen.getByTestId('query-physician'));
    await userEvent.type(screen.getByTestId('query-question'), 'Laterality?');
    await userEvent.click(screen.getByTestId('send-query'));

    expect(screen.getByRole('alert')).toHaveTextContent('Offer at least one clinically reasonable answer.');
    expect(api.calls.filter((c) => c.method !== 'GET')).toHaveLength(0);
    expect(onDone).not.toHaveBeenCalled();
  });

  it('says the query was not sent when the server refuses it', async () => {
    const { onDone } = await renderForm([
      caseRoute(),
      { method: 'PUT', path: '/api/coding/cases/7/draft', replies: [reply(codingCase())] },
      { method: 'POST', path: '/api/coding/cases/7/queries', replies: [problem(409, 'You do not hold this task.')] },
    ]);
    await userEvent.click(screen.getByTestId('query-physician'));
    await userEvent.type(screen.getByTestId('query-question'), 'Laterality?');
    await userEvent.type(screen.getByTestId('query-option-0'), 'Right');
    await userEvent.click(screen.getByTestId('send-query'));

    expect(await screen.findByTestId('form-errors')).toHaveTextContent('The query was not sent: You do not hold this task.');
    expect(onDone).not.toHaveBeenCalled();
  });
});
