import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { denial } from '@/features/denials/components/denial.fixture';
import { RecodeDenialForm } from '@/features/denials/components/recode-denial-form';
import { mockApi, problem, reply } from '@/testing/mock-api';
import { CODER, renderWithApp, setCsrfCookie } from '@/testing/render';

const recoding = { ...denial, route: 'RECODE' as const, routeReason: 'A coding error: correct the codes of the denied lines.' };

describe('recode denial form', () => {
  it('shows the denied items, the diagnoses and every line as billed', async () => {
    mockApi([{ path: '/api/denials/3', replies: [reply(recoding)] }]);
    renderWithApp(<RecodeDenialForm denialId={3} onDone={vi.fn()} />, { user: CODER });

    expect(await screen.findByRole('heading', { name: 'Recode denied claim CLM-2026-0001' })).toBeInTheDocument();
    expect(screen.getByTestId('denial-route-reason')).toHaveTextContent('A coding error');
    expect(screen.getAllByTestId('denied-item')).toHaveLength(2);
    const diagnoses = within(screen.getByTestId('denial-diagnoses')).getAllByRole('listitem');
    expect(diagnoses.map((d) => d.textContent)).toEqual([
      'E11.9 Type 2 diabetes mellitus without complications',
      'I10 Essential (primary) hypertension',
    ]);
    expect(screen.getByTestId('recode-code-1')).toHaveValue('99214');
    expect(screen.getByLabelText('Modifiers for line 1')).toHaveValue('25');
    expect(screen.getByLabelText('Units for line 2')).toHaveValue(1);
    expect(screen.getByLabelText('Diagnosis pointers for line 2')).toHaveValue('1, 2');
  });

  it('sends only the changed lines, with only what changed besides the modifiers', async () => {
    setCsrfCookie('tok-r');
    const onDone = vi.fn();
    const api = mockApi([
      { path: '/api/denials/3', replies: [reply(recoding)] },
      { method: 'POST', path: '/api/denials/3/recode', replies: [reply({ ...recoding, status: 'RESUBMITTED' })] },
    ]);
    renderWithApp(<RecodeDenialForm denialId={3} onDone={onDone} />, { user: CODER });

    const code = await screen.findByTestId('recode-code-2');
    await userEvent.clear(code);
    await userEvent.type(code, '93005');
    await userEvent.clear(screen.getByTestId('recode-units-2'));
    await userEvent.type(screen.getByTestId('recode-units-2'), '2');
    await userEvent.type(screen.getByTestId('recode-note'), 'Tracing only, no interpretation.');
    await userEvent.click(screen.getByTestId('recode-denial'));

    expect(onDone).toHaveBeenCalledTimes(1);
    const [call] = api.callsTo('POST', '/api/denials/3/recode');
    expect(call.headers['x-xsrf-token']).toBe('tok-r');
    expect(call.json).toEqual({
      note: 'Tracing only, no interpretation.',
      lineCorrections: [{ lineNumber: 2, procedureCode: '93005', modifiers: [], units: 2 }],
    });
  });

  it('sends changed modifiers and pointers of a line, upper-cased', async () => {
    setCsrfCookie();
    const api = mockApi([
      { path: '/api/denials/3', replies: [reply(recoding)] },
      { method: 'POST', path: '/api/denials/3/recode', replies: [reply(recoding)] },
    ]);
    renderWithApp(<RecodeDenialForm denialId={3} onDone={vi.fn()} />, { user: CODER });

    await userEvent.type(await screen.findByTestId('recode-modifiers-2'), '59');
    const pointers = screen.getByTestId('recode-pointers-1');
    await userEvent.clear(pointers);
    await userEvent.type(pointers, '2 1');
    await userEvent.click(screen.getByTestId('recode-denial'));

    expect(api.callsTo('POST', '/api/denials/3/recode')[0].json).toEqual({
      lineCorrections: [
        { lineNumber: 1, modifiers: ['25'], diagnosisPointers: [2, 1] },
        { lineNumber: 2, modifiers: ['59'] },
      ],
    });
  });

  it('refuses to send a recode that changes nothing', async () => {
    setCsrfCookie();
    const onDone = vi.fn();
    const api = mockApi([{ path: '/api/denials/3', replies: [reply(recoding)] }]);
    renderWithApp(<RecodeDenialForm denialId={3} onDone={onDone} />, { user: CODER });

    // Typing the billed code back in is no change.
    const code = await screen.findByTestId('recode-code-1');
    await userEvent.clear(code);
    await userEvent.type(code, '99214');
    await userEvent.click(screen.getByTestId('recode-denial'));

    expect(await screen.findByTestId('form-errors')).toHaveTextContent('Nothing to send');
    expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    expect(onDone).not.toHaveBeenCalled();
  });

  it('checks the code shape before asking the server', async () => {
    setCsrfCookie();
    const api = mockApi([{ path: '/api/denials/3', replies: [reply(recoding)] }]);
    renderWithApp(<RecodeDenialForm denialId={3} onDone={vi.fn()} />, { user: CODER });

    const code = await screen.findByTestId('recode-code-2');
    await userEvent.clear(code);
    await userEvent.type(code, '930');
    await userEvent.click(screen.getByTestId('recode-denial'));

    expect(await screen.findByTestId('form-errors')).toHaveTextContent('Line 2 procedure code: Enter a 5-character CPT or HCPCS code.');
    expect(code).toHaveAttribute('aria-invalid', 'true');
    expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it("names the line of the server's field errors and keeps the form", async () => {
    setCsrfCookie();
    const onDone = vi.fn();
    mockApi([
      { path: '/api/denials/3', replies: [reply(recoding)] },
      {
        method: 'POST',
        path: '/api/denials/3/recode',
        replies: [
          problem(422, 'The corrections are not valid; nothing was changed.', [
            { field: 'lineCorrections[0].procedureCode', severity: 'ERROR', message: '99999 is not a CPT or HCPCS code with a price.' },
          ]),
        ],
      },
    ]);
    renderWithApp(<RecodeDenialForm denialId={3} onDone={onDone} />, { user: CODER });

    const code = await screen.findByTestId('recode-code-2');
    await userEvent.clear(code);
    await userEvent.type(code, '99999');
    await userEvent.click(screen.getByTestId('recode-denial'));

    const errors = await screen.findByTestId('form-errors');
    expect(errors).toHaveTextContent('The corrections are not valid; nothing was changed.');
    expect(errors).toHaveTextContent('Line 2 procedure code: 99999 is not a CPT or HCPCS code with a price.');
    expect(code).toHaveAttribute('aria-invalid', 'true');
    expect(code).toHaveAccessibleDescription('99999 is not a CPT or HCPCS code with a price.');
    expect(screen.getByTestId('recode-code-1')).not.toHaveAttribute('aria-invalid');
    expect(onDone).not.toHaveBeenCalled();

    await userEvent.click(within(errors).getByRole('button', { name: 'Line 2 procedure code' }));
    expect(code).toHaveFocus();
  });
});
