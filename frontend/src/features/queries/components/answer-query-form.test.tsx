import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { PhysicianQuery } from '@/features/queries/api/types';
import { AnswerQueryForm } from '@/features/queries/components/answer-query-form';
import { mockApi, problem, reply } from '@/testing/mock-api';
import { renderWithApp, setCsrfCookie } from '@/testing/render';

const PHYSICIAN = { username: 'physician', groups: ['physician'] };

const query: PhysicianQuery = {
  id: 31,
  codingCaseId: 7,
  encounterNumber: 'ENC-1001',
  patientName: 'Rivera, Ana',
  dateOfService: '2026-10-28',
  documentation: 'Knee pain, right side.',
  question: 'Which type of knee osteoarthritis does the documentation support?',
  options: ['Primary', 'Post-traumatic', 'Clinically undetermined'],
  allowFreeText: true,
  status: 'OPEN',
  askedBy: 'coder',
  askedAt: '2026-10-30T14:05:00Z',
};

describe('answer physician query', () => {
  it('shows the question beside the documentation and sends the chosen answer with a comment', async () => {
    setCsrfCookie('tok-q');
    const onDone = vi.fn();
    const api = mockApi([
      { path: '/api/queries/31', replies: [reply(query)] },
      { method: 'POST', path: '/api/queries/31/answer', replies: [reply({ ...query, status: 'ANSWERED' })] },
    ]);
    renderWithApp(<AnswerQueryForm queryId={31} onDone={onDone} />, { user: PHYSICIAN });

    expect(await screen.findByTestId('query-question')).toHaveTextContent('Which type of knee osteoarthritis');
    expect(screen.getByTestId('documentation')).toHaveTextContent('Knee pain, right side.');
    await userEvent.click(screen.getByLabelText('Clinically undetermined'));
    await userEvent.type(screen.getByLabelText('Comment (optional)'), 'No imaging in the record.');
    await userEvent.click(screen.getByTestId('answer-query'));

    expect(onDone).toHaveBeenCalledTimes(1);
    const [call] = api.callsTo('POST', '/api/queries/31/answer');
    expect(call.headers['x-xsrf-token']).toBe('tok-q');
    expect(call.json).toEqual({ choice: 'Clinically undetermined', freeText: 'No imaging in the record.' });
  });

  it('asks for a choice before sending, and offers no comment box when free text is not allowed', async () => {
    const api = mockApi([{ path: '/api/queries/31', replies: [reply({ ...query, allowFreeText: false })] }]);
    renderWithApp(<AnswerQueryForm queryId={31} onDone={() => {}} />, { user: PHYSICIAN });

    await userEvent.click(await screen.findByTestId('answer-query'));
    expect(screen.getByTestId('form-errors')).toHaveTextContent('Choose the answer that the documentation supports.');
    expect(screen.queryByLabelText('Comment (optional)')).not.toBeInTheDocument();
    expect(api.callsTo('POST', '/api/queries/31/answer')).toHaveLength(0);
  });

  it('keeps the answer on screen when the server refuses it', async () => {
    setCsrfCookie();
    const onDone = vi.fn();
    mockApi([
      { path: '/api/queries/31', replies: [reply(query)] },
      { method: 'POST', path: '/api/queries/31/answer', replies: [problem(409, 'This query was escalated to a manager.')] },
    ]);
    renderWithApp(<AnswerQueryForm queryId={31} onDone={onDone} />, { user: PHYSICIAN });

    await userEvent.click(await screen.findByLabelText('Primary'));
    await userEvent.click(screen.getByTestId('answer-query'));

    expect(await screen.findByTestId('form-errors')).toHaveTextContent('This query was escalated to a manager.');
    expect(screen.getByLabelText('Primary')).toBeChecked();
    expect(onDone).not.toHaveBeenCalled();
  });

  it('says so when the query cannot be loaded', async () => {
    mockApi([{ path: '/api/queries/31', replies: [problem(404, 'Query 31 not found.')] }]);
    renderWithApp(<AnswerQueryForm queryId={31} onDone={() => {}} />, { user: PHYSICIAN });
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load the query: Query 31 not found.');
  });
});
