import { useState, type FormEvent } from 'react';
import { createKey, listKeys, listUsers, putUser, revokeKey, type Role, type UserKeyCreated, type UserRecord } from '../../api/admin';
import { formatInstant } from '../../format/time';
import { useSla } from '../../state/store';
import { ErrorSummary } from './ErrorSummary';
import { FieldError } from './FieldError';
import { describedBy } from './fieldErrors';
import { splitList, useAction, useKey, useLoad } from './useAdmin';

const ROLES: Role[] = ['agent', 'supervisor', 'admin'];

/** Users (create, edit, deactivate) and each one's personal keys: create (shown once), list, revoke. */
export function UsersView() {
  const { data: users, failure, reload } = useLoad(listUsers, []);
  const [editing, setEditing] = useState<UserRecord | 'new' | null>(null);
  const [keysOf, setKeysOf] = useState<string | null>(null);
  const zone = useSla((s) => s.zone);
  return (
    <section aria-labelledby="users-title">
      <h2 id="users-title">Users and keys</h2>
      <ErrorSummary scope="users" failure={failure} />
      <button type="button" onClick={() => setEditing('new')}>New user</button>
      <table className="admin-table">
        <caption className="visually-hidden">Users</caption>
        <thead><tr><th>User id</th><th>Name</th><th>Email</th><th>Role</th><th>Queues</th><th>Active</th><th>Updated</th><th><span className="visually-hidden">Actions</span></th></tr></thead>
        <tbody>
          {(users ?? []).map((u) => (
            <tr key={u.userId} data-user-id={u.userId}>
              <td>{u.userId}</td><td>{u.name}</td><td>{u.email}</td><td>{u.role}</td><td>{u.queues.join(', ')}</td>
              <td>{u.active ? 'yes' : 'deactivated'}</td><td>{formatInstant(u.updatedAt, zone)}</td>
              <td>
                <button type="button" className="link" onClick={() => setEditing(u)}>Edit<span className="visually-hidden"> {u.userId}</span></button>
                <button type="button" className="link" onClick={() => setKeysOf(u.userId)}>Keys<span className="visually-hidden"> of {u.userId}</span></button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing && <UserForm key={editing === 'new' ? 'new' : editing.userId} user={editing === 'new' ? null : editing} done={() => { setEditing(null); reload(); }} />}
      {keysOf && <UserKeys key={keysOf} userId={keysOf} />}
    </section>
  );
}

function UserForm({ user, done }: { user: UserRecord | null; done: () => void }) {
  const key = useKey();
  const { busy, failure, run } = useAction();
  const [userId, setUserId] = useState(user?.userId ?? '');
  const [name, setName] = useState(user?.name ?? '');
  const [email, setEmail] = useState(user?.email ?? '');
  const [role, setRole] = useState<Role>(user?.role ?? 'agent');
  const [queues, setQueues] = useState(user?.queues.join(', ') ?? '');
  const errors = failure?.fields ?? {};
  const f = (path: string) => describedBy('user', errors, path);

  async function save(e: FormEvent) {
    e.preventDefault();
    const saved = await run(() => putUser(key, userId.trim(), { name, email, role, queues: splitList(queues) }));
    if (saved) {
      done();
    }
  }

  return (
    <form className="admin-form" onSubmit={(e) => void save(e)} aria-labelledby="user-form-title">
      <h3 id="user-form-title">{user ? `Edit ${user.userId}` : 'New user'}</h3>
      <ErrorSummary scope="user" failure={failure} />
      <label htmlFor="user-userId">User id</label>
      <input {...f('userId')} required readOnly={user !== null} value={userId} onChange={(e) => setUserId(e.target.value)} />
      <FieldError scope="user" errors={errors} path="userId" />
      <label htmlFor="user-name">Name</label>
      <input {...f('name')} value={name} onChange={(e) => setName(e.target.value)} />
      <FieldError scope="user" errors={errors} path="name" />
      <label htmlFor="user-email">Email</label>
      <input {...f('email')} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
      <FieldError scope="user" errors={errors} path="email" />
      <label htmlFor="user-role">Role</label>
      <select {...f('role')} value={role} onChange={(e) => setRole(e.target.value as Role)}>
        {ROLES.map((r) => <option key={r}>{r}</option>)}
      </select>
      <FieldError scope="user" errors={errors} path="role" />
      <label htmlFor="user-queues">Queues (comma-separated)</label>
      <input {...f('queues')} value={queues} onChange={(e) => setQueues(e.target.value)} />
      <FieldError scope="user" errors={errors} path="queues" />
      <div className="buttons">
        <button type="submit" disabled={busy}>Save user</button>
        <button type="button" onClick={done}>Cancel</button>
      </div>
    </form>
  );
}

function UserKeys({ userId }: { userId: string }) {
  const key = useKey();
  const zone = useSla((s) => s.zone);
  const { data: keys, failure: loadFailure, reload } = useLoad((k) => listKeys(k, userId), [userId]);
  const { busy, failure, run } = useAction();
  const [name, setName] = useState('');
  const [expires, setExpires] = useState('');
  const [created, setCreated] = useState<UserKeyCreated | null>(null);
  const [copied, setCopied] = useState(false);
  const errors = failure?.fields ?? {};

  async function create(e: FormEvent) {
    e.preventDefault();
    setCopied(false);
    const made = await run(() => createKey(key, userId, { name, expiresAt: expires ? new Date(expires).toISOString() : null }));
    if (made) {
      setCreated(made);
      setName('');
      reload();
    }
  }

  return (
    <section className="admin-form" aria-labelledby="keys-title">
      <h3 id="keys-title">Keys of {userId}</h3>
      <ErrorSummary scope="keys" failure={loadFailure} />
      {created && (
        <div className="new-key" role="status">
          <p><strong>Copy this key now: you will not see it again.</strong> SlaGrains keeps only its hash.</p>
          <label htmlFor="new-key-value">New key “{created.name}”</label>
          <input id="new-key-value" readOnly value={created.key} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" onClick={() => void navigator.clipboard?.writeText(created.key).then(() => setCopied(true))}>Copy key</button>
          {copied && <span>Copied.</span>}
          <button type="button" onClick={() => setCreated(null)}>I have copied it</button>
        </div>
      )}
      <form onSubmit={(e) => void create(e)} className="inline-form" aria-label={`New key for ${userId}`}>
        <ErrorSummary scope="key" failure={failure} />
        <label htmlFor="key-name">Key name</label>
        <input {...describedBy('key', errors, 'name')} value={name} onChange={(e) => setName(e.target.value)} />
        <FieldError scope="key" errors={errors} path="name" />
        <label htmlFor="key-expiresAt">Expires (optional)</label>
        <input {...describedBy('key', errors, 'expiresAt')} type="datetime-local" value={expires} onChange={(e) => setExpires(e.target.value)} />
        <FieldError scope="key" errors={errors} path="expiresAt" />
        <button type="submit" disabled={busy}>Create key</button>
      </form>
      <table className="admin-table">
        <caption className="visually-hidden">Keys of {userId}</caption>
        <thead><tr><th>Key id</th><th>Name</th><th>Created</th><th>Expires</th><th>Revoked</th><th><span className="visually-hidden">Actions</span></th></tr></thead>
        <tbody>
          {(keys ?? []).map((k) => (
            <tr key={k.keyId} data-key-id={k.keyId}>
              <td>{k.keyId}</td><td>{k.name}</td><td>{formatInstant(k.createdAt, zone)}</td>
              <td>{k.expiresAt ? formatInstant(k.expiresAt, zone) : 'never'}</td>
              <td>{k.revokedAt ? formatInstant(k.revokedAt, zone) : '—'}</td>
              <td>
                {!k.revokedAt && (
                  <button type="button" className="link" onClick={() => void run(() => revokeKey(key, userId, k.keyId)).then(reload)}>
                    Revoke<span className="visually-hidden"> key {k.name}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
