import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { AuthProvider, type User } from '@/lib/auth';

export const CODER: User = { username: 'coder', groups: ['coder'] };
export const BILLER: User = { username: 'biller', groups: ['biller'] };
export const MANAGER: User = { username: 'manager', groups: ['manager'] };

/** Shows where the app navigated to, so tests can assert it. */
function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

interface Options {
  /** undefined: the provider asks GET /api/me itself. */
  user?: User | null;
  route?: string;
  /** The route pattern the element is mounted at. */
  path?: string;
}

export function renderWithApp(element: ReactElement, { user = CODER, route = '/', path = '*' }: Options = {}) {
  return render(
    <MemoryRouter initialEntries={[route]}>
      <AuthProvider initialUser={user}>
        <Routes>
          <Route path={path} element={element} />
          <Route path="*" element={null} />
        </Routes>
        <LocationProbe />
      </AuthProvider>
    </MemoryRouter>,
  );
}

export function setCsrfCookie(token = 'csrf-token-1') {
  document.cookie = `XSRF-TOKEN=${token}; path=/`;
}
