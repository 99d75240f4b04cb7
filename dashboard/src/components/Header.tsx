import { NavLink } from 'react-router';
import { zones } from '../format/time';
import { signOut } from '../state/session';
import { useSla } from '../state/store';
import { isAdmin } from '../views/admin/AdminLayout';

const CONNECTION: Record<string, string> = { connecting: 'Connecting…', connected: 'Live', reconnecting: 'Reconnecting…', disconnected: 'Disconnected' };
const ALL_ZONES = zones();

export function Header() {
  const me = useSla((s) => s.me);
  const connection = useSla((s) => s.connection);
  const zone = useSla((s) => s.zone);
  const sound = useSla((s) => s.sound);
  return (
    <header className="top">
      <h1>SlaGrains</h1>
      <nav aria-label="Views">
        <NavLink to="/mine">My cases</NavLink>
        <NavLink to="/queues">Queues</NavLink>
        {me?.seesAllCases && <NavLink to="/all">All open cases</NavLink>}
        {me?.scopes.includes('read') && <NavLink to="/reports">Reports</NavLink>}
        {isAdmin(me?.scopes) && <NavLink to="/admin">Admin</NavLink>}
      </nav>
      <div className="prefs">
        <label htmlFor="zone">Time zone</label>
        <select id="zone" value={zone} onChange={(e) => useSla.setState({ zone: e.target.value })}>
          {(ALL_ZONES.includes(zone) ? ALL_ZONES : [zone, ...ALL_ZONES]).map((z) => <option key={z}>{z}</option>)}
        </select>
        <label className="inline"><input type="checkbox" checked={sound} onChange={(e) => useSla.setState({ sound: e.target.checked })} /> Sound on alerts</label>
      </div>
      <span id="connection" className="connection" role="status" data-state={connection}>{CONNECTION[connection]}</span>
      <span className="who" id="who">
        {me ? `${me.name}${me.role ? ` (${me.role})` : me.kind === 'integration' ? ' (integration)' : ''}` : ''}
      </span>
      <button type="button" onClick={() => void signOut()}>Sign out</button>
    </header>
  );
}
