import { Link, useNavigate, useParams } from 'react-router';
import { errorMessage } from '@/lib/api-client';
import { formatCents, formatDate } from '@/lib/format';
import { taskForms } from '@/app/task-forms';
import { useTask } from '@/features/tasks/api/get-task';

export function TaskPage() {
  const { taskId = '' } = useParams();
  const navigate = useNavigate();
  const { data: task, error, loading } = useTask(taskId);
  const backToList = () => navigate('/tasks', { replace: true });

  return (
    <section className="task-page">
      <nav className="breadcrumb">
        <Link to="/tasks">← Tasks</Link>
      </nav>
      {loading && !task && <p role="status">Loading task…</p>}
      {error != null && (
        <div role="alert" className="alert alert--error">
          This task is not available: {errorMessage(error)} It may have been completed or claimed by someone else.
        </div>
      )}
      {task && (
        <>
          <header className="task-header">
            <h1>{task.name}</h1>
            <span className="mono" data-testid="task-business-key">
              {task.businessKey}
            </span>
            {task.patientName && <span>{task.patientName}</span>}
            {task.dateOfService && <span>DOS {formatDate(task.dateOfService)}</span>}
            {task.amountCents != null && <span>{formatCents(task.amountCents)}</span>}
          </header>
          {taskForms[task.taskDefinitionKey] ? (
            taskForms[task.taskDefinitionKey](task, backToList)
          ) : (
            <div role="alert" className="alert alert--error">
              There is no form for tasks of type {task.taskDefinitionKey}.
            </div>
          )}
        </>
      )}
    </section>
  );
}
