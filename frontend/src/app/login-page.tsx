import { useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '@/lib/api-client';
import { useAuth } from '@/lib/auth';

export function LoginPage() {
  const { signIn } = useAuth();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      await signIn(username.trim(), password);
      // The router sends a signed-in user on to the page they asked for.
    } catch (err) {
      setBusy(false);
      setPassword('');
      setFailure(err instanceof ApiError && err.status === 401 ? 'Wrong user name or password' : errorMessage(err));
    }
  };

  return (
    <main className="login">
      <form onSubmit={submit} className="login__form" aria-labelledby="login-heading">
        <h1 id="login-heading">Relay RCM</h1>
        <p className="muted">Sign in to your work list.</p>
        {failure && (
          <p role="alert" className="alert alert--error">
            {failure}
          </p>
        )}
        <label className="stacked">
          Username
          <input
            name="username"
            autoComplete="username"
            autoFocus
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label className="stacked">
          Password
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
