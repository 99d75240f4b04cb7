import { useState, type FormEvent } from 'react';
import { signIn } from '../../state/session';
import { useSla } from '../../state/store';

/** Sign in with a personal key (or, in Development, dev-admin-key). The key stays in this tab only. */
export function SignIn() {
  const message = useSla((s) => s.signInMessage);
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!key.trim()) {
      return;
    }
    setBusy(true);
    await signIn(key.trim());
    setBusy(false);
  }

  return (
    <main className="signin">
      <h1>SlaGrains</h1>
      <form onSubmit={(e) => void submit(e)} aria-labelledby="signin-title">
        <h2 id="signin-title">Sign in</h2>
        <p>Use your personal API key. It is kept in this tab until you close it, and never on disk.</p>
        <label htmlFor="key">API key</label>
        <input id="key" name="key" type="password" autoComplete="off" required value={key} onChange={(e) => setKey(e.target.value)} aria-describedby={message ? 'signin-error' : undefined} />
        <button type="submit" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
        {message && <p id="signin-error" className="error" role="alert">{message}</p>}
      </form>
    </main>
  );
}
