import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DenialForm } from '@/features/denials/components/denial-form';
import { denial } from '@/features/denials/components/denial.fixture';
import { mockApi, problem, reply } from '@/testing/mock-api';
import { BILLER, renderWithApp, setCsrfCookie } from '@/testing/render';

describe('denial form', () => {
  it('shows the denial and the claim lines', async () => {
    mockApi([{ path: '/api/denials/3', replies: [reply(denial)] }]);
    renderWithApp(<DenialForm denialId={3} onDone={() => {}} />, { user: { username: 'biller', groups: ['biller'] } });

    const facts = await screen.findByTestId('denial-facts');
    expect(facts).toHaveTextContent('CO');
    expect(facts).toHaveTextContent('The procedure code is inconsistent with the modifier used.');
    expect(facts).toHaveTextContent('$98.00');
    expect(screen.getByText('93000')).toBeInTheDocument();
    expect(screen.getByTestId('denial-route-reason')).toHaveTextContent('The payer questions the modifier on line 2');
    expect(screen.getByRole('button', { name: 'Resolve denial' })).toBeDisabled();
  });

  it('lists every denied item: line or claim, group-CARC and text, remark codes, amount and route', async () => {
    mockApi([{ path: '/api/denials/3', replies: [reply(denial)] }]);
    renderWithApp(<DenialForm denialId={3} onDone={() => {}} />, { user: BILLER });

    const items = await screen.findAllByTestId('denied-item');
    expect(items).toHaveLength(2);
    const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((cell) => cell.textContent);
    expect(cells(items[0])).toEqual([
      '2',
      'CO-4 The procedure code is inconsistent with the modifier used.',
      'N519, M20',
      '$98.00',
      'Biller review',
    ]);
    expect(cells(items[1])).toEqual(['Claim', 'CO-16 Claim lacks information needed for adjudication.', '', '$0.00', 'Recode (coder)']);
  });

  it('sends the claim to appeal', async () => {
    setCsrfCookie();
    const onDone = vi.fn();
    const api = mockApi([
      { path: '/api/denials/3', replies: [reply(denial)] },
      { method: 'POST', path: '/api/denials/3/resolve', replies: [reply({ ...denial, status: 'APPEALED' })] },
    ]);
    renderWithApp(<DenialForm denialId={3} onDone={onDone} />, { user: BILLER });

    const appeal = await screen.findByLabelText('Appeal');
    expect(appeal).toHaveAttribute('value', 'APPEAL');
    await userEvent.click(appeal);
    expect(screen.getByTestId('resolution-hint')).toHaveTextContent('appeal queue');
    expect(screen.queryByLabelText('Modifiers for line 1')).not.toBeInTheDocument();
    await userEvent.type(screen.getByTestId('denial-note'), 'Documentation supports the EKG.');
    await userEvent.click(screen.getByTestId('resolve-denial'));

    expect(onDone).toHaveBeenCalledTimes(1);
    expect(api.callsTo('POST', '/api/denials/3/resolve')[0].json).toEqual({ action: 'APPEAL', note: 'Documentation supports the EKG.' });
  });

  it('resubmits with the corrected modifiers of the changed lines only', async () => {
    setCsrfCookie('tok-d');
    const onDone = vi.fn();
    const api = mockApi([
      { path: '/api/denials/3', replies: [reply(denial)] },
      { method: 'POST', path: '/api/denials/3/resolve', replies: [reply({ ...denial, status: 'RESOLVED' })] },
    ]);
    renderWithApp(<DenialForm denialId={3} onDone={onDone} />);

    await userEvent.click(await screen.findByLabelText('Correct and resubmit'));
    await userEvent.type(screen.getByLabelText('Modifiers for line 2'), '59');
    await userEvent.type(screen.getByLabelText('Note'), 'Added 59, distinct service.');
    await userEvent.click(screen.getByRole('button', { name: 'Resolve denial' }));

    expect(onDone).toHaveBeenCalledTimes(1);
    const [call] = api.callsTo('POST', '/api/denials/3/resolve');
    expect(call.headers['x-xsrf-token']).toBe('tok-d');
    expect(call.json).toEqual({
      action: 'RESUBMIT',
      note: 'Added 59, distinct service.',
      lineCorrections: [{ lineNumber: 2, modifiers: ['59'] }],
    });
  });

  it('writes the claim off with a note', async () => {
    setCsrfCookie();
    const onDone = vi.fn();
    const api = mockApi([
      { path: '/api/denials/3', replies: [reply(denial)] },
      { method: 'POST', path: '/api/denials/3/resolve', replies: [reply(denial)] },
    ]);
    renderWithApp(<DenialForm denialId={3} onDone={onDone} />);

    await userEvent.click(await screen.findByLabelText('Write off'));
    expect(screen.queryByLabelText('Modifiers for line 1')).not.toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Note'), 'Below appeal threshold.');
    await userEvent.click(screen.getByRole('button', { name: 'Resolve denial' }));

    expect(api.callsTo('POST', '/api/denials/3/resolve')[0].json).toEqual({ action: 'WRITE_OFF', note: 'Below appeal threshold.' });
    expect(onDone).toHaveBeenCalled();
  });

  it('keeps the form and shows why when resolving fails', async () => {
    setCsrfCookie();
    const onDone = vi.fn();
    mockApi([
      { path: '/api/denials/3', replies: [reply(denial)] },
      { method: 'POST', path: '/api/denials/3/resolve', replies: [problem(409, 'You no longer hold this task.')] },
    ]);
    renderWithApp(<DenialForm denialId={3} onDone={onDone} />);

    await userEvent.click(await screen.findByLabelText('Write off'));
    await userEvent.click(screen.getByRole('button', { name: 'Resolve denial' }));

    expect(await screen.findByTestId('form-errors')).toHaveTextContent('You no longer hold this task.');
    expect(onDone).not.toHaveBeenCalled();
  });
});
