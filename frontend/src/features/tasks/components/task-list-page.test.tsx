import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Task } from '@/features/tasks/api/types';
import { TaskListPage } from '@/features/tasks/components/task-list-page';
import { mockApi, page, problem, reply } from '@/testing/mock-api';
import { renderWithApp, setCsrfCookie } from '@/testing/render';

const task = (overrides: Partial<Task> = {}): Task => ({
  id: 't-1',
  name: 'Code encounter',
  taskDefinitionKey: 'Task_CodeEncounter',
  processDefinitionKey: 'revenue-cycle',
  businessKey: 'ENC-1001',
  assignee: null,
  candidateGroups: ['coder'],
  created: '2026-10-30T14:05:00Z',
  due: null,
  encounterNumber: 'ENC-1001',
  claimNumber: null,
  patientName: 'Rivera, Ana',
  payerName: 'Acme Health',
  amountCents: 12550,
  dateOfService: '2026-10-28',
  codingCaseId: 7,
  claimId: null,
  denialId: null,
  ...overrides,
});

const MINE = '/api/tasks?view=mine&page=0&size=50';
const GROUP = '/api/tasks?view=group&page=0&size=50';

describe('task list', () => {
  it('shows a loading state, then the rows with their hooks', async () => {
    let release: (v?: unknown) => void = () => {};
    const wait = new Promise((resolve) => (release = resolve));
    mockApi([{ path: MINE, replies: [{ ...reply(page([task({ assignee: 'coder' })])), wait }] }]);
    renderWithApp(<TaskListPage />, { route: '/tasks' });

    expect(screen.getByText('Loading tasks…')).toBeInTheDocument();
    release();

    const row = await screen.findByTestId('task-row');
    expect(screen.queryByText('Loading tasks…')).not.toBeInTheDocument();
    expect(row).toHaveAttribute('data-business-key', 'ENC-1001');
    expect(row).toHaveAttribute('data-task-key', 'Task_CodeEncounter');
    expect(within(row).getByText('Rivera, Ana')).toBeInTheDocument();
    expect(within(row).getByText('$125.50')).toBeInTheDocument();
    expect(within(row).getByText('10/28/2026')).toBeInTheDocument();
    expect(within(row).getByTestId('open-task')).toBeInTheDocument();
    expect(within(row).getByTestId('unclaim-task')).toBeInTheDocument();
    expect(within(row).queryByTestId('claim-task')).not.toBeInTheDocument();
  });

  it('says "No tasks" when the list is empty', async () => {
    mockApi([{ path: MINE, replies: [reply(page([]))] }]);
    renderWithApp(<TaskListPage />, { route: '/tasks' });
    expect(await screen.findByText('No tasks')).toBeInTheDocument();
    expect(screen.queryByTestId('task-row')).not.toBeInTheDocument();
  });

  it('shows the error when the list cannot be loaded', async () => {
    mockApi([{ path: MINE, replies: [problem(500, 'Database unavailable')] }]);
    renderWithApp(<TaskListPage />, { route: '/tasks' });
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load tasks: Database unavailable');
    expect(screen.queryByText('No tasks')).not.toBeInTheDocument();
  });

  it('switches to group tasks, claims a task and refreshes the list', async () => {
    setCsrfCookie('tok-9');
    const api = mockApi([
      { path: MINE, replies: [reply(page([]))] },
      { path: GROUP, replies: [reply(page([task()])), reply(page([task({ assignee: 'coder' })]))] },
      { method: 'POST', path: '/api/tasks/t-1/claim', replies: [reply(task({ assignee: 'coder' }))] },
    ]);
    renderWithApp(<TaskListPage />, { route: '/tasks' });
    await screen.findByText('No tasks');

    await userEvent.click(screen.getByRole('tab', { name: 'Group tasks' }));
    expect(screen.getByRole('tab', { name: 'Group tasks' })).toHaveAttribute('aria-selected', 'true');
    await userEvent.click(await screen.findByTestId('claim-task'));

    expect(await screen.findByTestId('open-task')).toBeInTheDocument();
    expect(screen.queryByTestId('claim-task')).not.toBeInTheDocument();
    const [claim] = api.callsTo('POST', '/api/tasks/t-1/claim');
    expect(claim.headers['x-xsrf-token']).toBe('tok-9');
    expect(api.calls.filter((c) => c.url === GROUP)).toHaveLength(2);
  });

  it("shows the problem's detail when someone else claimed the task first", async () => {
    setCsrfCookie();
    mockApi([
      { path: MINE, replies: [reply(page([task()]))] },
      { method: 'POST', path: '/api/tasks/t-1/claim', replies: [problem(409, 'Task is already claimed by coder2.')] },
    ]);
    renderWithApp(<TaskListPage />, { route: '/tasks' });

    await userEvent.click(await screen.findByTestId('claim-task'));

    expect(await screen.findByTestId('task-action-error')).toHaveTextContent('Task is already claimed by coder2.');
  });

  it('opens a task of mine and unclaims another', async () => {
    setCsrfCookie();
    const api = mockApi([
      { path: MINE, replies: [reply(page([task({ assignee: 'coder' }), task({ id: 't-2', businessKey: 'ENC-1002', assignee: 'coder' })])), reply(page([task({ assignee: 'coder' })]))] },
      { method: 'POST', path: '/api/tasks/t-2/unclaim', replies: [reply(task({ id: 't-2' }))] },
    ]);
    renderWithApp(<TaskListPage />, { route: '/tasks' });

    const rows = await screen.findAllByTestId('task-row');
    await userEvent.click(within(rows[1]).getByTestId('unclaim-task'));
    await waitFor(() => expect(screen.getAllByTestId('task-row')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/tasks/t-2/unclaim')).toHaveLength(1);

    await userEvent.click(screen.getByTestId('open-task'));
    expect(screen.getByTestId('location')).toHaveTextContent('/tasks/t-1');
  });

  it('pages with Previous and Next', async () => {
    const full = Array.from({ length: 50 }, (_, i) => task({ id: `t-${i}`, businessKey: `ENC-${i}` }));
    const api = mockApi([
      { path: MINE, replies: [reply(page(full, 0, 50, 51))] },
      { path: '/api/tasks?view=mine&page=1&size=50', replies: [reply(page([task({ id: 't-50' })], 1, 50, 51))] },
    ]);
    renderWithApp(<TaskListPage />, { route: '/tasks' });

    expect(await screen.findAllByTestId('task-row')).toHaveLength(50);
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));

    await waitFor(() => expect(screen.getAllByTestId('task-row')).toHaveLength(1));
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
    expect(screen.getByText('Page 2 of 2')).toBeInTheDocument();
    expect(api.calls.map((c) => c.url)).toContain('/api/tasks?view=mine&page=1&size=50');
  });

  it('finds the task of one encounter or claim number', async () => {
    const api = mockApi([
      { path: MINE, replies: [reply(page([task({ assignee: 'coder' })]))] },
      {
        path: '/api/tasks?view=mine&page=0&size=50&businessKey=RC0000001001',
        replies: [reply(page([task({ id: 't-9', businessKey: 'RC0000001001', assignee: 'coder' })]))],
      },
    ]);
    renderWithApp(<TaskListPage />, { route: '/tasks' });
    await screen.findByTestId('task-row');

    await userEvent.type(screen.getByLabelText('Encounter or claim number'), ' RC0000001001 {enter}');

    await waitFor(() => expect(screen.getByTestId('task-row')).toHaveAttribute('data-business-key', 'RC0000001001'));
    expect(api.calls.map((c) => c.url)).toContain('/api/tasks?view=mine&page=0&size=50&businessKey=RC0000001001');
    await userEvent.click(screen.getByRole('button', { name: 'Show all' }));
    await waitFor(() => expect(screen.getByTestId('task-row')).toHaveAttribute('data-business-key', 'ENC-1001'));
  });
});

describe('task list in work-queue order', () => {
  afterEach(() => vi.useRealTimers());

  // Only Date is faked, so the timers user-event and findBy* rely on keep running. Local noon, any time zone.
  const today = () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 10, 10, 12, 0, 0));
  };
  const at = (day: number, hour = 17) => new Date(2026, 10, day, hour, 0, 0).toISOString();

  it('counts down to each due date and highlights what is overdue', async () => {
    today();
    mockApi([
      {
        path: MINE,
        replies: [
          reply(
            page([
              task({ id: 't-1', due: at(8) }),
              task({ id: 't-2', due: at(10, 23) }),
              task({ id: 't-3', due: at(11) }),
              task({ id: 't-4', due: at(13) }),
              task({ id: 't-5', due: null }),
            ]),
          ),
        ],
      },
    ]);
    renderWithApp(<TaskListPage />, { route: '/tasks' });

    const due = (await screen.findAllByTestId('task-due')).map((cell) => [cell.textContent, cell.className]);
    expect(due).toEqual([
      ['2 days overdue', 'overdue'],
      ['today', 'due-today'],
      ['tomorrow', ''],
      ['in 3 days', ''],
      ['', ''],
    ]);
    expect(screen.getByRole('columnheader', { name: 'Due' })).toBeInTheDocument();
  });

  it('shows the age of claim tasks in days since the claim was billed', async () => {
    today();
    mockApi([
      {
        path: MINE,
        replies: [
          reply(
            page([
              task({ id: 't-1', taskDefinitionKey: 'Task_WorkDenial', claimId: 11, claimBilledAt: new Date(2026, 8, 26, 9).toISOString() }),
              task({ id: 't-2' }),
            ]),
          ),
        ],
      },
    ]);
    renderWithApp(<TaskListPage />, { route: '/tasks' });

    const ages = (await screen.findAllByTestId('task-age')).map((cell) => cell.textContent);
    expect(ages).toEqual(['45 d', '']);
    expect(screen.getByRole('columnheader', { name: 'Age (days since the claim was billed)' })).toBeInTheDocument();
  });

  it('switches between deadline order and oldest first', async () => {
    const api = mockApi([
      { path: MINE, replies: [reply(page([task({ assignee: 'coder' })]))] },
      { path: '/api/tasks?view=mine&page=0&size=50&sort=created', replies: [reply(page([task({ id: 't-7', businessKey: 'ENC-0007', assignee: 'coder' })]))] },
      { path: '/api/tasks?view=group&page=0&size=50&sort=created', replies: [reply(page([]))] },
    ]);
    renderWithApp(<TaskListPage />, { route: '/tasks' });
    await screen.findByTestId('task-row');
    const order = screen.getByRole('group', { name: 'Order' });
    expect(within(order).getByRole('button', { name: 'Deadline' })).toHaveAttribute('aria-pressed', 'true');

    await userEvent.click(within(order).getByRole('button', { name: 'Oldest first' }));

    await waitFor(() => expect(screen.getByTestId('task-row')).toHaveAttribute('data-business-key', 'ENC-0007'));
    expect(within(order).getByRole('button', { name: 'Oldest first' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('location')).toHaveTextContent('/tasks?view=mine&sort=created');

    // The order stays when the view changes.
    await userEvent.click(screen.getByRole('tab', { name: 'Group tasks' }));
    await screen.findByText('No tasks');
    expect(api.calls.map((c) => c.url)).toContain('/api/tasks?view=group&page=0&size=50&sort=created');

    await userEvent.click(within(order).getByRole('button', { name: 'Deadline' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/tasks\?view=group$/));
  });
});
