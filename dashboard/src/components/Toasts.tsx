import { Link } from 'react-router';
import { useSla } from '../state/store';
import { Icon } from './Icon';

/** Alerts of warnings and violations; a live region, so screen readers hear them too. */
export function Toasts() {
  const toasts = useSla((s) => s.toasts);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className="toast" data-kind={t.kind} data-delivery-id={t.id}>
          <Icon name={t.kind} />
          <span>{t.text}</span>
          <Link to={`/case/${encodeURIComponent(t.caseId)}`}>Open</Link>
          <button type="button" className="link" onClick={() => useSla.setState((s) => ({ toasts: s.toasts.filter((x) => x.id !== t.id) }))}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
