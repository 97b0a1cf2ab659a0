import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { errorMessage } from '@/lib/api-client';
import { useAuth } from '@/lib/auth';
import { daysSince, daysUntil, formatAge, formatCents, formatDate, formatDateTime, formatDue } from '@/lib/format';
import { claimTask } from '@/features/tasks/api/claim-task';
import { DEFAULT_TASK_SORT, TASK_PAGE_SIZE, useTasks } from '@/features/tasks/api/get-tasks';
import type { Task, TaskSort, TaskView } from '@/features/tasks/api/types';
import { unclaimTask } from '@/features/tasks/api/unclaim-task';

const TABS: { view: TaskView; label: string }[] = [
  { view: 'mine', label: 'My tasks' },
  { view: 'group', label: 'Group tasks' },
];

const SORTS: { sort: TaskSort; label: string }[] = [
  { sort: 'deadline', label: 'Deadline' },
  { sort: 'created', label: 'Oldest first' },
];

/** Overdue in red, due today in amber; the words say it too. */
function dueClass(days: number | null): string | undefined {
  if (days === null) return undefined;
  if (days < 0) return 'overdue';
  return days === 0 ? 'due-today' : undefined;
}

export function TaskListPage() {
  const { user } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const view: TaskView = params.get('view') === 'group' ? 'group' : 'mine';
  const page = Math.max(0, Number.parseInt(params.get('page') ?? '0', 10) || 0);
  const find = params.get('find') ?? '';
  const sort: TaskSort = params.get('sort') === 'created' ? 'created' : DEFAULT_TASK_SORT;
  const [findText, setFindText] = useState(find);
  const { data, error, loading, reload } = useTasks(view, page, find, sort);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busyTaskId, setBusyTaskId] = useState<string | null>(null);

  const show = (nextView: TaskView, nextPage = 0, nextFind = find, nextSort = sort) => {
    setActionError(null);
    const next: Record<string, string> = { view: nextView };
    if (nextPage > 0) next.page = String(nextPage);
    if (nextFind) next.find = nextFind;
    if (nextSort !== DEFAULT_TASK_SORT) next.sort = nextSort;
    setParams(next);
  };

  const act = async (task: Task, action: (id: string) => Promise<Task>) => {
    setActionError(null);
    setBusyTaskId(task.id);
    try {
      await action(task.id);
    } catch (err) {
      setActionError(errorMessage(err));
    } finally {
      setBusyTaskId(null);
      reload();
    }
  };

  const rows = data?.content ?? [];
  const total = data?.totalElements ?? null;
  const hasNext = total !== null ? (page + 1) * TASK_PAGE_SIZE < total : rows.length === TASK_PAGE_SIZE;
  const now = new Date();

  return (
    <section className="task-list" aria-labelledby="task-list-heading">
      <div className="toolbar">
        <h1 id="task-list-heading">Tasks</h1>
        <div role="tablist" aria-label="Task views" className="tabs">
          {TABS.map((tab) => (
            <button
              key={tab.view}
              type="button"
              role="tab"
              aria-selected={view === tab.view}
              className={view === tab.view ? 'tab tab--active' : 'tab'}
              onClick={() => show(tab.view)}
            >
              {tab.label}
            </button>
          ))}
        </div>
        <div role="group" aria-label="Order" className="sort-switch tabs">
          {SORTS.map((option) => (
            <button
              key={option.sort}
              type="button"
              aria-pressed={sort === option.sort}
              className={sort === option.sort ? 'tab tab--active' : 'tab'}
              onClick={() => show(view, 0, find, option.sort)}
            >
              {option.label}
            </button>
          ))}
        </div>
        <button type="button" className="secondary" onClick={reload} disabled={loading}>
          Refresh
        </button>
        <form
          className="task-find"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            show(view, 0, findText.trim());
          }}
        >
          <label>
            Encounter or claim number
            <input
              data-testid="task-find"
              value={findText}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => setFindText(e.target.value)}
            />
          </label>
          <button type="submit" className="secondary">
            Find
          </button>
          {find && (
            <button
              type="button"
              className="link"
              onClick={() => {
                setFindText('');
                show(view, 0, '');
              }}
            >
              Show all
            </button>
          )}
        </form>
      </div>

      {actionError && (
        <div role="alert" className="alert alert--error" data-testid="task-action-error">
          {actionError}
        </div>
      )}

      <div role="tabpanel" aria-busy={loading}>
        {loading && !data && <p role="status">Loading tasks…</p>}
        {error != null && (
          <div role="alert" className="alert alert--error">
            Could not load tasks: {errorMessage(error)}{' '}
            <button type="button" className="link" onClick={reload}>
              Try again
            </button>
          </div>
        )}
        {!error && data && rows.length === 0 && <p className="empty">No tasks</p>}
        {!error && rows.length > 0 && (
          <table className="grid">
            <caption className="visually-hidden">
              {sort === 'deadline' ? 'Tasks, nearest due date first, then largest amount' : 'Tasks, oldest first'}
            </caption>
            <thead>
              <tr>
                <th scope="col">Task</th>
                <th scope="col">Business key</th>
                <th scope="col">Patient</th>
                <th scope="col">Payer</th>
                <th scope="col">Date of service</th>
                <th scope="col" className="num">
                  Amount
                </th>
                <th scope="col">Due</th>
                <th scope="col" className="num">
                  Age<span className="visually-hidden"> (days since the claim was billed)</span>
                </th>
                <th scope="col">Created</th>
                <th scope="col">Assignee</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((task) => {
                const mine = task.assignee !== null && task.assignee === user?.username;
                const busy = busyTaskId === task.id;
                const dueDays = daysUntil(task.due, now);
                return (
                  <tr
                    key={task.id}
                    data-testid="task-row"
                    data-business-key={task.businessKey ?? ''}
                    data-task-key={task.taskDefinitionKey}
                  >
                    <td>
                      {mine ? <Link to={`/tasks/${encodeURIComponent(task.id)}`}>{task.name}</Link> : task.name}
                    </td>
                    <td className="mono">{task.businessKey}</td>
                    <td>{task.patientName}</td>
                    <td>{task.payerName}</td>
                    <td>{formatDate(task.dateOfService)}</td>
                    <td className="num">{formatCents(task.amountCents)}</td>
                    <td className={dueClass(dueDays)} data-testid="task-due">
                      {task.due && (
                        <time dateTime={task.due} title={formatDateTime(task.due)}>
                          {formatDue(dueDays)}
                        </time>
                      )}
                    </td>
                    <td className="num" data-testid="task-age">
                      {task.claimBilledAt && (
                        <time dateTime={task.claimBilledAt} title={`Billed ${formatDateTime(task.claimBilledAt)}`}>
                          {formatAge(daysSince(task.claimBilledAt, now))}
                        </time>
                      )}
                    </td>
                    <td>{formatDateTime(task.created)}</td>
                    <td>{task.assignee ?? <span className="muted">Unassigned</span>}</td>
                    <td className="actions">
                      {task.assignee === null && (
                        <button
                          type="button"
                          data-testid="claim-task"
                          disabled={busy}
                          aria-label={`Claim ${task.name} ${task.businessKey ?? ''}`.trim()}
                          onClick={() => act(task, claimTask)}
                        >
                          Claim
                        </button>
                      )}
                      {mine && (
                        <>
                          <button
                            type="button"
                            data-testid="open-task"
                            onClick={() => navigate(`/tasks/${encodeURIComponent(task.id)}`)}
                          >
                            Open
                          </button>
                          <button
                            type="button"
                            className="secondary"
                            data-testid="unclaim-task"
                            disabled={busy}
                            onClick={() => act(task, unclaimTask)}
                          >
                            Unclaim
                          </button>
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>

      <nav className="pager" aria-label="Pages">
        <button type="button" className="secondary" disabled={page === 0 || loading} onClick={() => show(view, page - 1)}>
          Previous
        </button>
        <span>
          Page {page + 1}
          {total !== null && ` of ${Math.max(1, Math.ceil(total / TASK_PAGE_SIZE))}`}
        </span>
        <button type="button" className="secondary" disabled={!hasNext || loading} onClick={() => show(view, page + 1)}>
          Next
        </button>
      </nav>
    </section>
  );
}
