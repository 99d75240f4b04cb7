import { useState, type FormEvent } from 'react';
import { deleteWebhook, listWebhooks, putWebhook, redeliver, rotateSecret, setWebhookPaused, WEBHOOK_EVENTS, webhookDeliveries, type WebhookRecord } from '../../api/admin';
import { formatInstant } from '../../format/time';
import { useSla } from '../../state/store';
import { DeleteButton } from './DeleteButton';
import { ErrorSummary } from './ErrorSummary';
import { FieldError } from './FieldError';
import { describedBy } from './fieldErrors';
import { splitList, useAction, useKey, useLoad } from './useAdmin';

const S = 'hook';

/** Webhooks: events and filters, pause and resume, secret rotation with an overlap, deliveries and redelivery. */
export function WebhooksView() {
  const { data: hooks, failure, reload } = useLoad(listWebhooks, []);
  const [editing, setEditing] = useState<WebhookRecord | 'new' | null>(null);
  const zone = useSla((s) => s.zone);
  const current = editing && editing !== 'new' ? hooks?.find((h) => h.webhookId === editing.webhookId) ?? editing : editing;
  return (
    <section aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">Webhooks</h2>
      <ErrorSummary scope="webhooks" failure={failure} />
      <button type="button" onClick={() => setEditing('new')}>New webhook</button>
      <table className="admin-table">
        <caption className="visually-hidden">Webhooks</caption>
        <thead><tr><th>Webhook id</th><th>URL</th><th>Events</th><th>Filters</th><th>State</th><th>Pending</th><th>Updated</th><th><span className="visually-hidden">Actions</span></th></tr></thead>
        <tbody>
          {(hooks ?? []).map((h) => (
            <tr key={h.webhookId} data-webhook-id={h.webhookId}>
              <td>{h.webhookId}</td><td>{h.url}</td><td>{h.events.join(', ')}</td>
              <td>{[h.filters?.queues?.length ? `queues: ${h.filters.queues.join(', ')}` : '', h.filters?.processIds?.length ? `processes: ${h.filters.processIds.join(', ')}` : ''].filter(Boolean).join('; ') || 'none'}</td>
              <td data-state={h.paused ? 'paused' : 'active'}>{h.paused ? 'paused' : 'sending'}{h.previousSecretUntil ? `; old secret until ${formatInstant(h.previousSecretUntil, zone)}` : ''}</td>
              <td>{h.pending}</td><td>{formatInstant(h.updatedAt, zone)}</td>
              <td><button type="button" className="link" onClick={() => setEditing(h)}>Open<span className="visually-hidden"> {h.webhookId}</span></button></td>
            </tr>
          ))}
        </tbody>
      </table>
      {current && (
        <WebhookEditor
          key={current === 'new' ? 'new' : current.webhookId}
          hook={current === 'new' ? null : current}
          changed={(h) => { setEditing(h); reload(); }}
          closed={() => { setEditing(null); reload(); }}
        />
      )}
    </section>
  );
}

function WebhookEditor({ hook, changed, closed }: { hook: WebhookRecord | null; changed: (h: WebhookRecord) => void; closed: () => void }) {
  const key = useKey();
  const { busy, failure, run } = useAction();
  const errors = failure?.fields ?? {};
  const f = (path: string) => describedBy(S, errors, path);
  const [webhookId, setWebhookId] = useState(hook?.webhookId ?? '');
  const [url, setUrl] = useState(hook?.url ?? 'https://');
  const [events, setEvents] = useState<string[]>(hook?.events ?? ['milestone.warning', 'milestone.violated']);
  const [secret, setSecret] = useState('');
  const [queues, setQueues] = useState((hook?.filters?.queues ?? []).join(', '));
  const [processIds, setProcessIds] = useState((hook?.filters?.processIds ?? []).join(', '));

  async function save(e: FormEvent) {
    e.preventDefault();
    const filters = { queues: splitList(queues), processIds: splitList(processIds) };
    const saved = await run(() => putWebhook(key, webhookId.trim(), { url, events, secret, filters }));
    if (saved) {
      setSecret('');
      changed(saved);
    }
  }

  return (
    <>
      <form className="admin-form" onSubmit={(e) => void save(e)} aria-labelledby="hook-form-title" noValidate>
        <h3 id="hook-form-title">{hook ? `Webhook ${hook.webhookId}` : 'New webhook'}</h3>
        <ErrorSummary scope={S} failure={failure} />
        <label htmlFor={`${S}-webhookId`}>Webhook id</label>
        <input {...f('webhookId')} readOnly={hook !== null} value={webhookId} onChange={(e) => setWebhookId(e.target.value)} />
        <FieldError scope={S} errors={errors} path="webhookId" />
        <label htmlFor={`${S}-url`}>URL</label>
        <input {...f('url')} className="wide" value={url} onChange={(e) => setUrl(e.target.value)} />
        <FieldError scope={S} errors={errors} path="url" />
        <fieldset aria-describedby={errors.events ? `${S}-events-error` : undefined}>
          <legend>Events</legend>
          {WEBHOOK_EVENTS.map((ev) => (
            <label key={ev} className="inline">
              <input type="checkbox" checked={events.includes(ev)} onChange={(e) => setEvents(e.target.checked ? [...events, ev] : events.filter((x) => x !== ev))} /> {ev}
            </label>
          ))}
          <FieldError scope={S} errors={errors} path="events" />
        </fieldset>
        <label htmlFor={`${S}-filters-queues`}>Only these queues (comma-separated; empty: all)</label>
        <input {...f('filters.queues')} value={queues} onChange={(e) => setQueues(e.target.value)} />
        <FieldError scope={S} errors={errors} path="filters.queues" />
        <label htmlFor={`${S}-filters-processIds`}>Only these processes (ids, comma-separated; empty: all)</label>
        <input {...f('filters.processIds')} value={processIds} onChange={(e) => setProcessIds(e.target.value)} />
        <FieldError scope={S} errors={errors} path="filters.processIds" />
        {Object.keys(errors).filter((p) => /^filters\.\w+\[\d+\]$/.test(p)).map((p) => <FieldError key={p} scope={S} errors={errors} path={p} />)}
        <label htmlFor={`${S}-secret`}>Signing secret (16+ characters; the API never shows it, so give it with every save)</label>
        <input {...f('secret')} type="password" autoComplete="new-password" value={secret} onChange={(e) => setSecret(e.target.value)} />
        <FieldError scope={S} errors={errors} path="secret" />
        <div className="buttons">
          <button type="submit" disabled={busy}>Save webhook</button>
          {hook && <button type="button" disabled={busy} onClick={() => void run(() => setWebhookPaused(key, hook.webhookId, !hook.paused)).then((h) => h && changed(h))}>{hook.paused ? 'Resume' : 'Pause'}</button>}
          {hook && <DeleteButton what={`webhook ${hook.webhookId}`} remove={() => deleteWebhook(key, hook.webhookId)} deleted={closed} />}
          <button type="button" onClick={closed}>Close</button>
        </div>
        {hook && <p role="status" id="hook-state">{hook.paused ? 'Paused: notices are kept and sent on resume.' : 'Sending.'}</p>}
      </form>
      {hook && <RotateSecret hook={hook} changed={changed} />}
      {hook && <Deliveries webhookId={hook.webhookId} />}
    </>
  );
}

function RotateSecret({ hook, changed }: { hook: WebhookRecord; changed: (h: WebhookRecord) => void }) {
  const key = useKey();
  const zone = useSla((s) => s.zone);
  const { busy, failure, run } = useAction();
  const errors = failure?.fields ?? {};
  const [secret, setSecret] = useState('');
  const [hours, setHours] = useState('24');
  async function rotate(e: FormEvent) {
    e.preventDefault();
    const done = await run(() => rotateSecret(key, hook.webhookId, secret, Math.round(Number(hours || '0') * 3600)));
    if (done) {
      setSecret('');
      changed(done);
    }
  }
  return (
    <form className="admin-form" onSubmit={(e) => void rotate(e)} aria-labelledby="rotate-title" noValidate>
      <h4 id="rotate-title">Rotate the secret</h4>
      <p className="muted">During the overlap every delivery carries both signatures, the new one first, so the receiver can switch at any time.</p>
      <ErrorSummary scope="rotate" failure={failure} />
      <label htmlFor="rotate-secret">New secret</label>
      <input {...describedBy('rotate', errors, 'secret')} type="password" autoComplete="new-password" value={secret} onChange={(e) => setSecret(e.target.value)} />
      <FieldError scope="rotate" errors={errors} path="secret" />
      <label htmlFor="rotate-overlapSeconds">Overlap (hours, up to 168; 0 ends any overlap)</label>
      <input {...describedBy('rotate', errors, 'overlapSeconds')} type="number" min="0" max="168" step="0.5" value={hours} onChange={(e) => setHours(e.target.value)} />
      <FieldError scope="rotate" errors={errors} path="overlapSeconds" />
      <button type="submit" disabled={busy}>Rotate secret</button>
      {hook.previousSecretUntil && <p role="status" id="rotate-overlap">Both secrets sign until {formatInstant(hook.previousSecretUntil, zone)}.</p>}
    </form>
  );
}

function Deliveries({ webhookId }: { webhookId: string }) {
  const key = useKey();
  const zone = useSla((s) => s.zone);
  const { data: attempts, failure: loadFailure, reload } = useLoad((k) => webhookDeliveries(k, webhookId), [webhookId]);
  const { failure, run } = useAction();
  const [queued, setQueued] = useState<string | null>(null);
  return (
    <section className="admin-form" aria-labelledby="deliveries-title">
      <h4 id="deliveries-title">Deliveries</h4>
      <button type="button" onClick={reload}>Refresh deliveries</button>
      <ErrorSummary scope="deliveries" failure={loadFailure ?? failure} />
      {queued && <p role="status">Queued {queued} again from attempt 1.</p>}
      <table className="admin-table">
        <caption className="visually-hidden">Delivery attempts, newest first</caption>
        <thead><tr><th>When</th><th>Delivery</th><th>Type</th><th>Case</th><th>Attempt</th><th>Outcome</th><th>Detail</th><th><span className="visually-hidden">Actions</span></th></tr></thead>
        <tbody>
          {(attempts ?? []).length === 0 && <tr><td colSpan={8}>No deliveries yet.</td></tr>}
          {(attempts ?? []).map((a, i) => (
            <tr key={`${a.deliveryId}-${a.attempt}-${i}`} data-outcome={a.outcome}>
              <td>{formatInstant(a.at, zone)}</td><td>{a.deliveryId}</td><td>{a.type}</td><td>{a.caseId}</td><td>{a.attempt}</td><td>{a.outcome}</td>
              <td>{[a.statusCode ? `HTTP ${a.statusCode}` : '', a.error ?? '', a.nextAttemptAt ? `next ${formatInstant(a.nextAttemptAt, zone)}` : ''].filter(Boolean).join('; ')}</td>
              <td>
                {a.outcome === 'gaveUp' && (
                  <button type="button" className="link" onClick={() => void run(() => redeliver(key, webhookId, a.deliveryId)).then((r) => r !== undefined && (setQueued(a.deliveryId), reload()))}>
                    Redeliver<span className="visually-hidden"> {a.deliveryId}</span>
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
