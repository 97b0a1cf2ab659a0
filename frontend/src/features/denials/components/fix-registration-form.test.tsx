import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { denial } from '@/features/denials/components/denial.fixture';
import { FixRegistrationForm } from '@/features/denials/components/fix-registration-form';
import { mockApi, problem, reply } from '@/testing/mock-api';
import { BILLER, renderWithApp, setCsrfCookie } from '@/testing/render';

const registration = {
  ...denial,
  reasonCode: '31',
  reasonText: 'Patient cannot be identified as our insured.',
  route: 'FIX_REGISTRATION' as const,
  routeReason: 'The payer could not find the member: check the insurance card and correct the member id.',
};

describe('fix registration form', () => {
  it('shows the denial and sends the member id and note', async () => {
    setCsrfCookie('tok-g');
    const onDone = vi.fn();
    const api = mockApi([
      { path: '/api/denials/3', replies: [reply(registration)] },
      { method: 'POST', path: '/api/denials/3/fix-registration', replies: [reply({ ...registration, status: 'RESUBMITTED' })] },
    ]);
    renderWithApp(<FixRegistrationForm denialId={3} onDone={onDone} />, { user: BILLER });

    expect(await screen.findByTestId('denial-facts')).toHaveTextContent('Patient cannot be identified as our insured.');
    expect(screen.getByTestId('denial-route-reason')).toHaveTextContent('The payer could not find the member');
    expect(screen.getAllByTestId('denied-item')).toHaveLength(2);
    await userEvent.type(screen.getByLabelText(/Member id/), ' XJH-123456 ');
    await userEvent.type(screen.getByLabelText('Note'), 'New card scanned at check-in.');
    await userEvent.click(screen.getByTestId('fix-registration'));

    expect(onDone).toHaveBeenCalledTimes(1);
    const [call] = api.callsTo('POST', '/api/denials/3/fix-registration');
    expect(call.headers['x-xsrf-token']).toBe('tok-g');
    expect(call.json).toEqual({ memberId: 'XJH-123456', note: 'New card scanned at check-in.' });
  });

  it('asks for a member id of letters, digits and dashes before posting', async () => {
    setCsrfCookie();
    const api = mockApi([{ path: '/api/denials/3', replies: [reply(registration)] }]);
    renderWithApp(<FixRegistrationForm denialId={3} onDone={vi.fn()} />, { user: BILLER });

    await userEvent.click(await screen.findByTestId('fix-registration'));
    expect(screen.getByTestId('form-errors')).toHaveTextContent('Member id: Enter the member id');
    await userEvent.type(screen.getByTestId('registration-member-id'), 'XJH 12/34');
    await userEvent.click(screen.getByTestId('fix-registration'));
    expect(screen.getByTestId('form-errors')).toHaveTextContent('only letters, digits and dashes');
    expect(screen.getByTestId('registration-member-id')).toHaveAttribute('aria-invalid', 'true');
    expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('shows why the server refused', async () => {
    setCsrfCookie();
    const onDone = vi.fn();
    mockApi([
      { path: '/api/denials/3', replies: [reply(registration)] },
      {
        method: 'POST',
        path: '/api/denials/3/fix-registration',
        replies: [problem(409, 'You no longer hold this task.')],
      },
    ]);
    renderWithApp(<FixRegistrationForm denialId={3} onDone={onDone} />, { user: BILLER });

    await userEvent.type(await screen.findByTestId('registration-member-id'), 'XJH123456');
    await userEvent.click(screen.getByTestId('fix-registration'));

    expect(await screen.findByTestId('form-errors')).toHaveTextContent('You no longer hold this task.');
    expect(onDone).not.toHaveBeenCalled();
  });
});
