import { Link, Outlet } from 'react-router';
import { useAuth } from '@/lib/auth';

/** Roles that work patient balances (the server's rule for /api/statements). */
const PATIENT_BALANCE_ROLES = ['biller', 'manager'];

export function Layout() {
  const { user, signOut } = useAuth();
  const worksPatientBalances = user?.groups.some((group) => PATIENT_BALANCE_ROLES.includes(group)) ?? false;
  return (
    <>
      <header className="app-header">
        <Link to="/tasks" className="brand">
          Relay RCM
        </Link>
        <nav aria-label="Main">
          <Link to="/tasks">Tasks</Link>
          {worksPatientBalances && <Link to="/statements">Patient balances</Link>}
        </nav>
        <div className="user">
          <span data-testid="current-user">{user?.username}</span>
          {user && user.groups.length > 0 && <span className="muted"> ({user.groups.join(', ')})</span>}
          <button type="button" className="secondary" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <main className="app-main">
        <Outlet />
      </main>
    </>
  );
}
