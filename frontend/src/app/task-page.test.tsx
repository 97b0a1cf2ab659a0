import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { TaskPage } from '@/app/task-page';
import { mockApi, problem, reply } from '@/testing/mock-api';
import { renderWithApp, setCsrfCookie } from '@/testing/render';

const codingTask = {
  id: 't-1',
  name: 'Code encounter',
  taskDefinitionKey: 'Task_CodeEncounter',
  processDefinitionKey: 'revenue-cycle',
  businessKey: 'ENC-1001',
  assignee: 'coder',
  candidateGroups: ['coder'],
  created: '2026-10-30T14:05:00Z',
  due: null,
  encounterNumber: 'ENC-1001',
  claimNumber: null,
  patientName: 'Rivera, Ana',
  payerName: 'Acme Health',
  amountCents: null,
  dateOfService: '2026-10-28',
  codingCaseId: 7,
  claimId: null,
  denialId: null,
};

const codingCase = {
  id: 7,
  encounterId: 70,
  encounterNumber: 'ENC-1001',
  status: 'OPEN',
  patientName: 'Rivera, Ana',
  patientBirthDate: null,
  patientSex: null,
  dateOfService: '2026-10-28',
  payerName: 'Acme Health',
  documentation: 'Visit note.',
  draft: { diagnoses: [{ code: 'I10', description: null }], procedures: [{ code: '99213', modifiers: [], units: 1, diagnosisPointers: [1] }] },
  finalCodes: null,
};

describe('task page', () => {
  it('renders the form registered for the task and returns to the list when it is done', async () => {
    setCsrfCookie();
    mockApi([
      { path: '/api/tasks/t-1', replies: [reply(codingTask)] },
      { path: '/api/coding/cases/7', replies: [reply(codingCase)] },
      { method: 'POST', path: '/api/coding/cases/7/complete', replies: [reply({ ...codingCase, status: 'CODED' })] },
    ]);
    renderWithApp(<TaskPage />, { route: '/tasks/t-1', path: '/tasks/:taskId' });

    expect(await screen.findByRole('heading', { name: 'Code encounter' })).toBeInTheDocument();
    await userEvent.click(await screen.findByTestId('complete-coding'));

    expect(await screen.findByTestId('location')).toHaveTextContent(/^\/tasks$/);
  });

  it('says so when the task is gone', async () => {
    mockApi([{ path: '/api/tasks/t-9', replies: [problem(404, 'Task t-9 not found.')] }]);
    renderWithApp(<TaskPage />, { route: '/tasks/t-9', path: '/tasks/:taskId' });
    expect(await screen.findByRole('alert')).toHaveTextContent('This task is not available');
  });

  it('says so when no form knows the task', async () => {
    mockApi([{ path: '/api/tasks/t-1', replies: [reply({ ...codingTask, taskDefinitionKey: 'Task_Unknown' })] }]);
    renderWithApp(<TaskPage />, { route: '/tasks/t-1', path: '/tasks/:taskId' });
    expect(await screen.findByRole('alert')).toHaveTextContent('There is no form for tasks of type Task_Unknown.');
  });

  it('opens the physician query form for Task_AnswerQuery and the audit form for Task_AuditCoding', async () => {
    mockApi([
      { path: '/api/tasks/t-2', replies: [reply({ ...codingTask, id: 't-2', name: 'Answer query', taskDefinitionKey: 'Task_AnswerQuery', codingCaseId: null, queryId: 31 })] },
      {
        path: '/api/queries/31',
        replies: [reply({ id: 31, question: 'Laterality of the knee?', options: ['Right', 'Left', 'Clinically undetermined'], allowFreeText: false })],
      },
      { path: '/api/tasks/t-3', replies: [reply({ ...codingTask, id: 't-3', name: 'Audit coding', taskDefinitionKey: 'Task_AuditCoding', codingCaseId: null, auditId: 5 })] },
      { path: '/api/audits/5', replies: [reply({ id: 5, diagnoses: [{ position: 1, code: 'M17.11' }], procedures: [] })] },
    ]);
    const physician = { username: 'physician', groups: ['physician'] };
    const { unmount } = renderWithApp(<TaskPage />, { route: '/tasks/t-2', path: '/tasks/:taskId', user: physician });
    expect(await screen.findByTestId('query-question')).toHaveTextContent('Laterality of the knee?');
    unmount();

    renderWithApp(<TaskPage />, { route: '/tasks/t-3', path: '/tasks/:taskId', user: { username: 'auditor', groups: ['auditor'] } });
    expect(await screen.findByTestId('audit-dx-1-correct')).toBeInTheDocument();
  });

  it('says so when a query task carries no query', async () => {
    mockApi([{ path: '/api/tasks/t-2', replies: [reply({ ...codingTask, taskDefinitionKey: 'Task_AnswerQuery', queryId: null })] }]);
    renderWithApp(<TaskPage />, { route: '/tasks/t-2', path: '/tasks/:taskId' });
    expect(await screen.findByRole('alert')).toHaveTextContent('This task is not linked to a physician query.');
  });
});
