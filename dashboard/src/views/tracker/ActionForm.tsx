import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../../api/ApiError';
import { onApiError } from '../../state/session';

/**
 * One action of the tracker: runs `act` on submit and shows the server's problem details beside the form, as text
 * (never as HTML). `act` returns after the API answered; the pushed snapshot redraws the case.
 */
export function ActionForm({ id, title, act, children, submit }: {
  id: string;
  title: string;
  act: (data: FormData) => Promise<void>;
  children?: ReactNode;
  submit: string;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    setBusy(true);
    setError(null);
    try {
      await act(new FormData(form));
      form.reset();
    } catch (err) {
      onApiError(err);
      setError(err instanceof ApiError ? err.message : `The action failed: ${(err as Error).message}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="action" id={id} onSubmit={(e) => void onSubmit(e)} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{title}</h4>
      {children}
      <button type="submit" disabled={busy}>{submit}</button>
      {error && <p className="error" role="alert" id={`${id}-error`}>{error}</p>}
    </form>
  );
}
