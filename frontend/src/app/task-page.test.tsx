import { screen, waitFor } from '@testing-library/react';
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

    // The location probe is there from the start: wait for the navigation, not for the element.
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/tasks$/));
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

  it.each([
    ['Task_RecodeDenial', { denialId: 3 }, '/api/denials/3', 'recode-denial'],
    ['Task_FixRegistration', { denialId: 3 }, '/api/denials/3', 'fix-registration'],
    ['Task_PrepareAppeal', { appealId: 5 }, '/api/appeals/5', 'send-appeal'],
    ['Task_RecordAppealOutcome', { appealId: 5 }, '/api/appeals/5', 'record-appeal-decision'],
    ['Task_ApproveWriteOff', { writeOffId: 8 }, '/api/write-offs/8', 'decide-write-off'],
    ['Task_TimelyFilingRisk', { claimId: 11, due: '2026-12-01T23:59:59Z' }, '/api/claims/11', 'review-timely-filing'],
  ])('opens the form for %s with the record the task carries', async (key, ids, path, submit) => {
    const api = mockApi([
      { path: '/api/tasks/t-4', replies: [reply({ ...codingTask, id: 't-4', taskDefinitionKey: key, codingCaseId: null, ...ids })] },
      { path, replies: [reply(records[path])] },
    ]);
    renderWithApp(<TaskPage />, { route: '/tasks/t-4', path: '/tasks/:taskId' });

    expect(await screen.findByTestId(submit)).toBeInTheDocument();
    expect(api.calls.map((c) => c.url)).toContain(path);
  });

  it('says so when an appeal task carries no appeal', async () => {
    mockApi([{ path: '/api/tasks/t-5', replies: [reply({ ...codingTask, taskDefinitionKey: 'Task_PrepareAppeal', appealId: null })] }]);
    renderWithApp(<TaskPage />, { route: '/tasks/t-5', path: '/tasks/:taskId' });
    expect(await screen.findByRole('alert')).toHaveTextContent('This task is not linked to an appeal.');
  });
});

const deniedItem = { id: 1, lineNumber: null, groupCode: 'CO', reasonCode: '50', reasonText: 'Not medically necessary.', remarkCodes: [], amountCents: 100, route: 'APPEAL', routeReason: null, status: 'OPEN' };

/** The least each form needs to render. */
const records: Record<string, unknown> = {
  '/api/denials/3': {
    id: 3, claimId: 11, claimNumber: 'CLM-1', claimStatus: 'DENIED', payerName: 'Acme', groupCode: 'CO', reasonCode: '50',
    reasonText: 'Not medically necessary.', amountCents: 100, status: 'OPEN', route: 'RECODE', routeReason: null,
    resolutionNote: null, items: [deniedItem], lines: [], diagnoses: [],
  },
  '/api/appeals/5': {
    id: 5, claimId: 11, claimNumber: 'CLM-1', payerName: 'Acme', claimStatus: 'APPEALED', deadline: '2026-12-01', daysLeft: 12,
    argument: 'Necessary.', sentAt: '2026-11-10T15:00:00Z', sentBy: 'biller', outcome: null, outcomeNote: null, denials: [deniedItem],
  },
  '/api/write-offs/8': {
    id: 8, claimId: 11, claimNumber: 'CLM-1', payerName: 'Acme', claimStatus: 'DENIED', amountCents: 100, reason: 'Filed late.',
    decision: null, decisionNote: null, decidedBy: null, decidedAt: null, denials: [deniedItem],
  },
  '/api/claims/11': {
    id: 11, claimNumber: 'CLM-1', encounterNumber: 'ENC-1', patientName: 'Rivera, Ana', payerName: 'Acme', status: 'REJECTED',
    totalChargeCents: 100, paidCents: null, dateOfService: '2026-08-03', claimType: 'PROFESSIONAL', diagnoses: [], lines: [],
    submissions: [], denials: [], acknowledgements: [], findings: [],
  },
};
