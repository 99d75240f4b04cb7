import { useState, type FormEvent } from 'react';
import { listAudit, type AuditItem, type AuditQuery } from '../../api/admin';
import { formatInstant } from '../../format/time';
import { useSla } from '../../state/store';
import { ErrorSummary } from './ErrorSummary';
import { FieldError } from './FieldError';
import { describedBy } from './fieldErrors';
import { jsonDiff } from './jsonDiff';
import { useAction, useKey } from './useAdmin';

const S = 'audit';
const KINDS = ['calendar', 'process', 'entitlement', 'webhook', 'user'];
const PAGE = 50;

/** The audit trail, newest first: filter by actor, kind, resource and dates; page back; each change's before/after. */
export function AuditView() {
  const key = useKey();
  const zone = useSla((s) => s.zone);
  const [filter, setFilter] = useState({ actor: '', kind: '', resource: '', from: '', to: '' });
  const [items, setItems] = useState<AuditItem[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const { busy, failure, run } = useAction();
  const errors = failure?.fields ?? {};

  const query = (cursor: string | null): AuditQuery => ({
    actor: filter.actor.trim(),
    kind: filter.kind,
    resource: filter.resource.trim(),
    from: filter.from ? new Date(filter.from).toISOString() : '',
    to: filter.to ? new Date(filter.to).toISOString() : '',
    cursor,
    limit: PAGE,
  });

  async function load(e?: FormEvent) {
    e?.preventDefault();
    const page = await run(() => listAudit(key, query(null)));
    if (page) {
      setItems(page.items);
      setNext(page.nextCursor);
      setLoaded(true);
    }
  }

  async function older() {
    const page = await run(() => listAudit(key, query(next)));
    if (page) {
      setItems((all) => [...all, ...page.items]);
      setNext(page.nextCursor);
    }
  }

  const set = (field: keyof typeof filter) => (e: { target: { value: string } }) => setFilter((f) => ({ ...f, [field]: e.target.value }));
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">Audit trail</h2>
      <form className="inline-form" onSubmit={(e) => void load(e)} aria-label="Filter the audit trail" noValidate>
        <label htmlFor={`${S}-actor`}>Actor id</label>
        <input {...describedBy(S, errors, 'actor')} value={filter.actor} onChange={set('actor')} />
        <label htmlFor={`${S}-kind`}>Kind</label>
        <select {...describedBy(S, errors, 'kind')} value={filter.kind} onChange={set('kind')}>
          <option value="">any</option>
          {KINDS.map((k) => <option key={k}>{k}</option>)}
        </select>
        <label htmlFor={`${S}-resource`}>Resource id</label>
        <input {...describedBy(S, errors, 'resource')} value={filter.resource} onChange={set('resource')} />
        <label htmlFor={`${S}-from`}>From</label>
        <input {...describedBy(S, errors, 'from')} type="datetime-local" value={filter.from} onChange={set('from')} />
        <label htmlFor={`${S}-to`}>Before</label>
        <input {...describedBy(S, errors, 'to')} type="datetime-local" value={filter.to} onChange={set('to')} />
        <button type="submit" disabled={busy}>Show entries</button>
        {['actor', 'kind', 'resource', 'from', 'to'].map((p) => <FieldError key={p} scope={S} errors={errors} path={p} />)}
      </form>
      <ErrorSummary scope={S} failure={failure} />
      {loaded && (
        <>
          <table className="admin-table audit">
            <caption className="visually-hidden">Audit entries, newest first</caption>
            <thead><tr><th>When</th><th>Actor</th><th>Action</th><th>Resource</th><th>Before and after</th></tr></thead>
            <tbody>
              {items.length === 0 && <tr><td colSpan={5}>No entries match.</td></tr>}
              {items.map((item, i) => (
                <tr key={`${item.at}-${i}`} data-resource={`${item.resource.kind}:${item.resource.id}`} data-action={item.action}>
                  <td>{formatInstant(item.at, zone)}</td>
                  <td>{item.actor.id} <span className="muted">({item.actor.kind})</span></td>
                  <td>{item.action}</td>
                  <td>{item.resource.kind} {item.resource.id}{item.resource.version != null ? ` v${item.resource.version}` : ''}</td>
                  <td>
                    {/* The JSON scrolls, so it takes focus: keyboard users scroll it with the arrow keys. */}
                    <details>
                      <summary>Show<span className="visually-hidden"> before and after of {item.resource.kind} {item.resource.id} {item.action}</span></summary>
                      <Changes before={item.before} after={item.after} />
                      <div className="before-after">
                        <div><h3>Before</h3><pre className="json" tabIndex={0} role="region" aria-label={`Before: ${item.resource.kind} ${item.resource.id}`}>{item.before == null ? '(none)' : JSON.stringify(item.before, null, 2)}</pre></div>
                        <div><h3>After</h3><pre className="json" tabIndex={0} role="region" aria-label={`After: ${item.resource.kind} ${item.resource.id}`}>{item.after == null ? '(none)' : JSON.stringify(item.after, null, 2)}</pre></div>
                      </div>
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {next && <button type="button" disabled={busy} onClick={() => void older()}>Older entries</button>}
        </>
      )}
    </section>
  );
}

/** What a change changed, field by field, above the full JSON: a calendar's one new closing time is found at once. */
function Changes({ before, after }: { before: unknown; after: unknown }) {
  if (before == null || after == null) {
    return null;
  }
  const rows = jsonDiff(before, after, ['updatedAt', 'version', 'createdAt']);
  return (
    <ul className="changes" aria-label="Changed fields">
      {rows.length === 0 && <li>No field changed.</li>}
      {rows.map((r) => <li key={r.path}><code>{r.path}</code>: {r.before ?? '(none)'} → {r.after ?? '(none)'}</li>)}
    </ul>
  );
}
