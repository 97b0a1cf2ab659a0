import { BrowserRouter } from 'react-router';
import { AuthProvider } from '@/lib/auth';
import { AppRoutes } from '@/app/router';

export function App() {
  return (
    <BrowserRouter>
      <AuthProvider>
        <AppRoutes />
      </AuthProvider>
    </BrowserRouter>
  );
}
