import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AppealDecisionForm } from '@/features/appeals/components/appeal-decision-form';
import { appeal } from '@/features/appeals/components/appeal.fixture';
import { mockApi, problem, reply } from '@/testing/mock-api';
import { BILLER, renderWithApp, setCsrfCookie } from '@/testing/render';

const sent = {
  ...appeal,
  claimStatus: 'APPEALED',
  argument: 'The EKG was ordered for new chest pain.',
  sentAt: '2026-11-10T15:00:00Z',
  sentBy: 'biller',
};

describe('appeal decision form', () => {
  it('shows when and what was sent', async () => {
    mockApi([{ path: '/api/appeals/5', replies: [reply(sent)] }]);
    renderWithApp(<AppealDecisionForm appealId={5} onDone={vi.fn()} />, { user: BILLER });

    expect(await screen.findByTestId('appeal-sent')).toHaveTextContent(/^Sent Nov 10, 2026.* by biller$/);
    expect(screen.getByTestId('appeal-sent-argument')).toHaveTextContent('The EKG was ordered for new chest pain.');
    expect(screen.getByTestId('appeal-facts')).toHaveTextContent('Appealed');
    expect(screen.getByRole('link', { name: /Open appeal letter/ })).toHaveAttribute('href', '/api/appeals/5/letter');
    expect(screen.getByTestId('record-appeal-decision')).toBeDisabled();
  });

  it('records an upheld appeal with a note', async () => {
    setCsrfCookie('tok-o');
    const onDone = vi.fn();
    const api = mockApi([
      { path: '/api/appeals/5', replies: [reply(sent)] },
      { method: 'POST', path: '/api/appeals/5/decision', replies: [reply({ ...sent, outcome: 'UPHELD' })] },
    ]);
    renderWithApp(<AppealDecisionForm appealId={5} onDone={onDone} />, { user: BILLER });

    await userEvent.click(await screen.findByLabelText('Upheld'));
    await userEvent.type(screen.getByLabelText('Note'), 'Letter of 11/20: no new information.');
    await userEvent.click(screen.getByTestId('record-appeal-decision'));

    expect(onDone).toHaveBeenCalledTimes(1);
    const [call] = api.callsTo('POST', '/api/appeals/5/decision');
    expect(call.headers['x-xsrf-token']).toBe('tok-o');
    expect(call.json).toEqual({ outcome: 'UPHELD', note: 'Letter of 11/20: no new information.' });
  });

  it('records an overturned appeal without a note', async () => {
    setCsrfCookie();
    const api = mockApi([
      { path: '/api/appeals/5', replies: [reply(sent)] },
      { method: 'POST', path: '/api/appeals/5/decision', replies: [reply({ ...sent, outcome: 'OVERTURNED' })] },
    ]);
    renderWithApp(<AppealDecisionForm appealId={5} onDone={vi.fn()} />, { user: BILLER });

    await userEvent.click(await screen.findByLabelText('Overturned'));
    await userEvent.click(screen.getByRole('button', { name: 'Record decision' }));

    expect(api.callsTo('POST', '/api/appeals/5/decision')[0].json).toEqual({ outcome: 'OVERTURNED' });
  });

  it('keeps the form and shows why when recording fails', async () => {
    setCsrfCookie();
    const onDone = vi.fn();
    mockApi([
      { path: '/api/appeals/5', replies: [reply(sent)] },
      { method: 'POST', path: '/api/appeals/5/decision', replies: [problem(409, 'The appeal was already decided by an 835.')] },
    ]);
    renderWithApp(<AppealDecisionForm appealId={5} onDone={onDone} />, { user: BILLER });

    await userEvent.click(await screen.findByLabelText('Overturned'));
    await userEvent.click(screen.getByTestId('record-appeal-decision'));

    expect(await screen.findByTestId('form-errors')).toHaveTextContent('The appeal was already decided by an 835.');
    expect(onDone).not.toHaveBeenCalled();
  });
});
