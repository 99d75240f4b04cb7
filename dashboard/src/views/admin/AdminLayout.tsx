import { NavLink, Outlet } from 'react-router';
import { useSla } from '../../state/store';

/** Whether the signed-in key may use the console: the `admin` scope (an admin user, or a configured admin key). */
export function isAdmin(scopes: readonly string[] | undefined): boolean {
  return scopes?.includes('admin') ?? false;
}

/** The console's frame: its own section links, and nothing for a key without the admin scope. */
export function AdminLayout() {
  const me = useSla((s) => s.me);
  if (!isAdmin(me?.scopes)) {
    return <p className="empty" role="status">The admin console is for admins: your key has no admin scope.</p>;
  }
  return (
    <div className="admin">
      <nav aria-label="Admin sections" className="admin-nav">
        <NavLink to="/admin/users">Users and keys</NavLink>
        <NavLink to="/admin/calendars">Calendars</NavLink>
        <NavLink to="/admin/processes">Processes</NavLink>
        <NavLink to="/admin/entitlements">Entitlements</NavLink>
        <NavLink to="/admin/webhooks">Webhooks</NavLink>
        <NavLink to="/admin/audit">Audit trail</NavLink>
      </nav>
      <Outlet />
    </div>
  );
}
