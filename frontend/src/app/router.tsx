import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useAuth } from '@/lib/auth';
import { Layout } from '@/app/layout';
import { LoginPage } from '@/app/login-page';
import { TaskPage } from '@/app/task-page';
import { PatientBalancesPage } from '@/features/statements/components/patient-balances-page';
import { TaskListPage } from '@/features/tasks/components/task-list-page';

interface FromState {
  from?: string;
}

export function AppRoutes() {
  const { status } = useAuth();
  const location = useLocation();

  if (status === 'checking') return <p role="status" className="splash">Loading…</p>;

  if (status === 'signed-out') {
    if (location.pathname === '/login') return <LoginPage />;
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search } satisfies FromState} />;
  }

  return (
    <Routes>
      <Route path="/login" element={<Navigate to={(location.state as FromState | null)?.from ?? '/tasks'} replace />} />
      <Route element={<Layout />}>
        <Route path="/tasks" element={<TaskListPage />} />
        <Route path="/tasks/:taskId" element={<TaskPage />} />
        <Route path="/statements" element={<PatientBalancesPage />} />
      </Route>
      <Route path="*" element={<Navigate to="/tasks" replace />} />
    </Routes>
  );
}
