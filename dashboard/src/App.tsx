import { useEffect } from 'react';
import { createHashRouter, Navigate, Outlet, RouterProvider } from 'react-router';
import { Header } from './components/Header';
import { Toasts } from './components/Toasts';
import { signIn, subscriptions } from './state/session';
import { startClock, useSla } from './state/store';
import { AllOpen } from './views/cases/AllOpen';
import { MyCases } from './views/cases/MyCases';
import { QueuesView } from './views/cases/QueuesView';
import { AdminLayout } from './views/admin/AdminLayout';
import { AuditView } from './views/admin/AuditView';
import { CalendarsView } from './views/admin/CalendarsView';
import { EntitlementsView } from './views/admin/EntitlementsView';
import { ProcessesView } from './views/admin/ProcessesView';
import { UsersView } from './views/admin/UsersView';
import { WebhooksView } from './views/admin/WebhooksView';
import { SignIn } from './views/signin/SignIn';
import { Tracker } from './views/tracker/Tracker';

function Layout() {
  const watched = useSla((s) => s.watched);
  const connection = useSla((s) => s.connection);
  // Watched queues stay subscribed whatever the view, so their alerts arrive.
  useEffect(() => {
    if (connection !== 'connected') {
      return;
    }
    const releases = watched.map((q) => subscriptions.acquireQueue(q));
    return () => releases.forEach((release) => release());
  }, [watched, connection]);
  return (
    <>
      <a className="skip" href="#content">Skip to content</a>
      <Header />
      <main id="content" tabIndex={-1}>
        <Outlet />
      </main>
      <Toasts />
    </>
  );
}

function Home() {
  const me = useSla((s) => s.me);
  return <Navigate to={me?.kind === 'user' ? '/mine' : '/queues'} replace />;
}

// Hash routes: the host serves one index.html at /, and a bookmark of a case still opens it.
const router = createHashRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <Home /> },
      { path: 'mine', element: <MyCases /> },
      { path: 'queues', element: <QueuesView /> },
      { path: 'all', element: <AllOpen /> },
      { path: 'case/:caseId', element: <Tracker /> },
      // Loaded on demand: the charts stay out of the agents' board bundle.
      { path: 'reports', lazy: async () => ({ Component: (await import('./views/reports/Reports')).Reports }) },
      {
        path: 'admin',
        element: <AdminLayout />,
        children: [
          { index: true, element: <Navigate to="users" replace /> },
          { path: 'users', element: <UsersView /> },
          { path: 'calendars', element: <CalendarsView /> },
          { path: 'processes', element: <ProcessesView /> },
          { path: 'entitlements', element: <EntitlementsView /> },
          { path: 'webhooks', element: <WebhooksView /> },
          { path: 'audit', element: <AuditView /> },
        ],
      },
      { path: '*', element: <Navigate to="/" replace /> },
    ],
  },
]);

export function App() {
  const key = useSla((s) => s.key);
  const me = useSla((s) => s.me);
  useEffect(() => startClock(), []);
  // A reload of the tab: the key is still in sessionStorage, so sign in again with it.
  useEffect(() => {
    if (key && !me) {
      void signIn(key);
    }
  }, [key, me]);
  if (!key) {
    return <SignIn />;
  }
  if (!me) {
    return <p className="empty" role="status">Signing in…</p>;
  }
  return <RouterProvider router={router} />;
}
