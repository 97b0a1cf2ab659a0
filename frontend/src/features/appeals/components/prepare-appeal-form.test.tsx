import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { appeal } from '@/features/appeals/components/appeal.fixture';
import { PrepareAppealForm } from '@/features/appeals/components/prepare-appeal-form';
import { mockApi, problem, reply } from '@/testing/mock-api';
import { BILLER, renderWithApp, setCsrfCookie } from '@/testing/render';

describe('prepare appeal form', () => {
  it('shows the claim, the payer, the denials, the deadline countdown and the letter', async () => {
    mockApi([{ path: '/api/appeals/5', replies: [reply(appeal)] }]);
    renderWithApp(<PrepareAppealForm appealId={5} onDone={vi.fn()} />, { user: BILLER });

    const facts = await screen.findByTestId('appeal-facts');
    expect(facts).toHaveTextContent('CLM-2026-0001');
    expect(facts).toHaveTextContent('Acme Health');
    expect(facts).toHaveTextContent('11/22/2026');
    expect(screen.getByTestId('appeal-days-left')).toHaveTextContent('12 days left');
    expect(screen.getByTestId('appeal-days-left')).not.toHaveClass('countdown--urgent');
    expect(screen.getByTestId('denied-item')).toHaveTextContent('CO-50');
    const letter = screen.getByRole('link', { name: /Open appeal letter/ });
    expect(letter).toHaveAttribute('href', '/api/appeals/5/letter');
    expect(letter).toHaveAttribute('target', '_blank');
    expect(letter).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it('shows a near deadline in red and a passed one as closed', async () => {
    mockApi([
      { path: '/api/appeals/5', replies: [reply({ ...appeal, daysLeft: 7 })] },
      { path: '/api/appeals/6', replies: [reply({ ...appeal, id: 6, daysLeft: -2 })] },
    ]);
    const { unmount } = renderWithApp(<PrepareAppealForm appealId={5} onDone={vi.fn()} />, { user: BILLER });
    const near = await screen.findByTestId('appeal-days-left');
    expect(near).toHaveTextContent('7 days left');
    expect(near).toHaveClass('countdown--urgent');
    unmount();

    renderWithApp(<PrepareAppealForm appealId={6} onDone={vi.fn()} />, { user: BILLER });
    const closed = await screen.findByTestId('appeal-days-left');
    expect(closed).toHaveTextContent('window closed');
    expect(closed).toHaveClass('countdown--urgent');
    expect(screen.getByRole('alert')).toHaveTextContent('appeal window has closed');
  });

  it('sends the argument', async () => {
    setCsrfCookie('tok-a');
    const onDone = vi.fn();
    const api = mockApi([
      { path: '/api/appeals/5', replies: [reply(appeal)] },
      { method: 'POST', path: '/api/appeals/5/send', replies: [reply({ ...appeal, sentAt: '2026-11-10T15:00:00Z' })] },
    ]);
    renderWithApp(<PrepareAppealForm appealId={5} onDone={onDone} />, { user: BILLER });

    await userEvent.type(await screen.findByLabelText(/Argument/), '  The EKG was ordered for new chest pain; notes attached.  ');
    await userEvent.click(screen.getByRole('button', { name: 'Send appeal' }));

    expect(onDone).toHaveBeenCalledTimes(1);
    const [call] = api.callsTo('POST', '/api/appeals/5/send');
    expect(call.headers['x-xsrf-token']).toBe('tok-a');
    expect(call.json).toEqual({ argument: 'The EKG was ordered for new chest pain; notes attached.' });
  });

  it('requires an argument before sending', async () => {
    setCsrfCookie();
    const api = mockApi([{ path: '/api/appeals/5', replies: [reply(appeal)] }]);
    renderWithApp(<PrepareAppealForm appealId={5} onDone={vi.fn()} />, { user: BILLER });

    await userEvent.type(await screen.findByTestId('appeal-argument'), '   ');
    await userEvent.click(screen.getByTestId('send-appeal'));

    expect(screen.getByTestId('form-errors')).toHaveTextContent('Argument: Write why the payer should reconsider');
    expect(screen.getByTestId('appeal-argument')).toHaveAttribute('aria-invalid', 'true');
    expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it("shows the server's field errors and keeps the argument", async () => {
    setCsrfCookie();
    const onDone = vi.fn();
    mockApi([
      { path: '/api/appeals/5', replies: [reply(appeal)] },
      {
        method: 'POST',
        path: '/api/appeals/5/send',
        replies: [problem(400, 'The appeal is not valid.', [{ field: 'argument', severity: 'ERROR', message: 'size must be between 0 and 4000' }])],
      },
    ]);
    renderWithApp(<PrepareAppealForm appealId={5} onDone={onDone} />, { user: BILLER });

    await userEvent.type(await screen.findByTestId('appeal-argument'), 'Necessary.');
    await userEvent.click(screen.getByTestId('send-appeal'));

    const errors = await screen.findByTestId('form-errors');
    expect(errors).toHaveTextContent('The appeal is not valid.');
    expect(errors).toHaveTextContent('Argument: size must be between 0 and 4000');
    expect(screen.getByTestId('appeal-argument')).toHaveValue('Necessary.');
    expect(onDone).not.toHaveBeenCalled();
  });
});
