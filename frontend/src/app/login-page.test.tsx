import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { AuthProvider } from '@/lib/auth';
import { AppRoutes } from '@/app/router';
import { mockApi, page, problem, reply } from '@/testing/mock-api';
import { setCsrfCookie } from '@/testing/render';

function renderApp(route = '/tasks') {
  return render(
    <MemoryRouter initialEntries={[route]}>
      <AuthProvider>
        <AppRoutes />
      </AuthProvider>
    </MemoryRouter>,
  );
}

describe('login', () => {
  it('sends an anonymous visitor to the login page, signs in with the CSRF header and shows the task list', async () => {
    setCsrfCookie('tok-123');
    const api = mockApi([
      { path: '/api/me', replies: [problem(401, 'Not signed in'), problem(401, 'Not signed in'), reply({ username: 'coder', groups: ['coder'] })] },
      { method: 'POST', path: '/api/login', replies: [reply({ username: 'coder', groups: ['coder'] })] },
      { path: '/api/tasks', replies: [reply(page([]))] },
    ]);
    renderApp('/tasks');

    await userEvent.type(await screen.findByLabelText('Username'), 'coder');
    await userEvent.type(screen.getByLabelText('Password'), 's3cret&x');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('No tasks')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    expect(screen.getByTestId('current-user')).toHaveTextContent('coder');

    const [login] = api.callsTo('POST', '/api/login');
    expect(login.headers['x-xsrf-token']).toBe('tok-123');
    expect(login.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(new URLSearchParams(login.body ?? '').get('password')).toBe('s3cret&x');
    expect(new URLSearchParams(login.body ?? '').get('username')).toBe('coder');
    // GET /api/me runs before the POST so the XSRF-TOKEN cookie exists.
    const order = api.calls.map((c) => `${c.method} ${c.url.split('?')[0]}`);
    // (one at start-up, one from signIn), and once after it for the rotated token.
    const loginAt = order.indexOf('POST /api/login');
    expect(order.slice(0, loginAt).filter((c) => c === 'GET /api/me')).toHaveLength(2);
    expect(order.slice(loginAt + 1)).toContain('GET /api/me');
  });

  it('says so when the user name or password is wrong', async () => {
    setCsrfCookie();
    mockApi([
      { path: '/api/me', replies: [problem(401, 'Not signed in')] },
      { method: 'POST', path: '/api/login', replies: [problem(401, 'Bad credentials')] },
    ]);
    renderApp('/login');

    await userEvent.type(await screen.findByLabelText('Username'), 'coder');
    await userEvent.type(screen.getByLabelText('Password'), 'wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong user name or password');
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(screen.queryByRole('button', { name: 'Sign out' })).not.toBeInTheDocument();
  });

  it('signs out and returns to the login page', async () => {
    setCsrfCookie();
    const api = mockApi([
      { path: '/api/me', replies: [reply({ username: 'biller', groups: ['biller'] })] },
      { path: '/api/tasks', replies: [reply(page([]))] },
      { method: 'POST', path: '/api/logout', replies: [{ status: 204 }] },
    ]);
    renderApp('/tasks');

    await userEvent.click(await screen.findByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/logout')).toHaveLength(1);
  });
});
