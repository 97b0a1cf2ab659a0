import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, onUnauthorized } from '@/lib/api-client';

export interface User {
  username: string;
  groups: string[];
}

type Status = 'checking' | 'signed-in' | 'signed-out';

interface AuthContextValue {
  status: Status;
  user: User | null;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

/** GET /api/me: the current user, or null when not signed in. Also sets the XSRF-TOKEN cookie. */
export async function fetchMe(): Promise<User | null> {
  try {
    return await api<User>('/api/me', { allowUnauthorized: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function AuthProvider({ children, initialUser }: { children: ReactNode; initialUser?: User | null }) {
  const [user, setUser] = useState<User | null>(initialUser ?? null);
  const [status, setStatus] = useState<Status>(
    initialUser === undefined ? 'checking' : initialUser ? 'signed-in' : 'signed-out',
  );

  useEffect(() => {
    if (initialUser !== undefined) return;
    let active = true;
    fetchMe().then(
      (me) => {
        if (!active) return;
        setUser(me);
        setStatus(me ? 'signed-in' : 'signed-out');
      },
      () => {
        if (!active) return;
        setStatus('signed-out');
      },
    );
    return () => {
      active = false;
    };
  }, [initialUser]);

  useEffect(() => {
    onUnauthorized(() => {
      setUser(null);
      setStatus('signed-out');
    });
    return () => onUnauthorized(null);
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    // The login POST needs the CSRF cookie, which GET /api/me sets.
    await fetchMe();
    await api<User>('/api/login', { method: 'POST', form: { username, password }, allowUnauthorized: true });
    // Spring rotates the CSRF token on login; /api/me refreshes the cookie and returns the user.
    const me = await fetchMe();
    if (!me) throw new ApiError(401, { status: 401, title: 'Unauthorized' });
    setUser(me);
    setStatus('signed-in');
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api<void>('/api/logout', { method: 'POST', allowUnauthorized: true });
    } finally {
      setUser(null);
      setStatus('signed-out');
    }
  }, []);

  const value = useMemo(() => ({ status, user, signIn, signOut }), [status, user, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}
