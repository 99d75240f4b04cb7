import { useState, type FormEvent } from 'react';
import { accountEntitlements, deleteEntitlement, listCalendars, listProcesses, putEntitlement, type EntitlementRead } from '../../api/admin';
import { DeleteButton } from './DeleteButton';
import { ErrorSummary } from './ErrorSummary';
import { FieldError } from './FieldError';
import { describedBy } from './fieldErrors';
import { splitList, useAction, useKey, useLoad } from './useAdmin';

const S = 'ent';

/**
 * Entitlements by account (the API lists them per account, as Salesforce shows them on the account): the
 * process they grant, contacts and asset, dates, the per-incident cap and what remains of it.
 */
export function EntitlementsView() {
  const [account, setAccount] = useState('');
  const [shown, setShown] = useState('');
  const { data: entitlements, failure, reload } = useLoad((k) => (shown ? accountEntitlements(k, shown) : Promise.resolve([])), [shown]);
  const [editing, setEditing] = useState<EntitlementRead | 'new' | null>(null);
  return (
    <section aria-labelledby="entitlements-title">
      <h2 id="entitlements-title">Entitlements</h2>
      <form className="inline-form" onSubmit={(e) => { e.preventDefault(); setShown(account.trim()); }} aria-label="Find an account's entitlements">
        <label htmlFor="ent-account-search">Account id</label>
        <input id="ent-account-search" value={account} onChange={(e) => setAccount(e.target.value)} placeholder="acme" />
        <button type="submit">Show entitlements</button>
        <button type="button" onClick={() => setEditing('new')}>New entitlement</button>
      </form>
      <ErrorSummary scope="entitlements" failure={failure} />
      {shown && (
        <table className="admin-table">
          <caption>Entitlements of account {shown}</caption>
          <thead><tr><th>Entitlement id</th><th>Name</th><th>Process</th><th>Status</th><th>Dates</th><th>Cases allowed</th><th>Remaining</th><th><span className="visually-hidden">Actions</span></th></tr></thead>
          <tbody>
            {(entitlements ?? []).length === 0 && <tr><td colSpan={8}>No entitlements.</td></tr>}
            {(entitlements ?? []).map((e) => (
              <tr key={e.entitlementId} data-entitlement-id={e.entitlementId}>
                <td>{e.entitlementId}</td><td>{e.name}</td><td>{e.processId}</td><td>{e.status}</td>
                <td>{e.startDate} – {e.endDate ?? 'open-ended'}</td><td>{e.casesAllowed ?? 'unlimited'}</td><td>{e.remainingCases ?? '—'}</td>
                <td><button type="button" className="link" onClick={() => setEditing(e)}>Edit<span className="visually-hidden"> {e.entitlementId}</span></button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && (
        <EntitlementEditor
          key={editing === 'new' ? 'new' : `${editing.entitlementId}-${editing.updatedAt}`}
          entitlement={editing === 'new' ? null : editing}
          defaultAccount={shown}
          done={(accountId) => { setEditing(null); setAccount(accountId); setShown(accountId); reload(); }}
        />
      )}
    </section>
  );
}

function EntitlementEditor({ entitlement, defaultAccount, done }: { entitlement: EntitlementRead | null; defaultAccount: string; done: (accountId: string) => void }) {
  const key = useKey();
  const { data: processes } = useLoad(listProcesses, []);
  const { data: calendars } = useLoad(listCalendars, []);
  const { busy, failure, run } = useAction();
  const errors = failure?.fields ?? {};
  const f = (path: string) => describedBy(S, errors, path);
  const [form, setForm] = useState({
    entitlementId: entitlement?.entitlementId ?? '',
    name: entitlement?.name ?? '',
    accountId: entitlement?.accountId ?? defaultAccount,
    contactIds: (entitlement?.contactIds ?? []).join(', '),
    assetId: entitlement?.assetId ?? '',
    processId: entitlement?.processId ?? '',
    calendarId: entitlement?.calendarId ?? '',
    startDate: entitlement?.startDate ?? new Date().toISOString().slice(0, 10),
    endDate: entitlement?.endDate ?? '',
    casesAllowed: entitlement?.casesAllowed == null ? '' : String(entitlement.casesAllowed),
  });
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) => setForm((v) => ({ ...v, [field]: e.target.value }));

  async function save(e: FormEvent) {
    e.preventDefault();
    const contacts = splitList(form.contactIds);
    const saved = await run(() => putEntitlement(key, form.entitlementId.trim(), {
      name: form.name,
      accountId: form.accountId.trim(),
      ...(contacts.length ? { contactIds: contacts } : {}),
      ...(form.assetId.trim() ? { assetId: form.assetId.trim() } : {}),
      processId: form.processId.trim(),
      ...(form.calendarId.trim() ? { calendarId: form.calendarId.trim() } : {}),
      startDate: form.startDate,
      ...(form.endDate ? { endDate: form.endDate } : {}),
      ...(form.casesAllowed.trim() ? { casesAllowed: Number(form.casesAllowed) } : {}),
    }));
    if (saved) {
      done(saved.accountId);
    }
  }

  const field = (path: keyof typeof form, label: string, props: Record<string, unknown> = {}) => (
    <>
      <label htmlFor={`${S}-${path}`}>{label}</label>
      <input {...f(path)} value={form[path]} onChange={set(path)} {...props} />
      <FieldError scope={S} errors={errors} path={path} />
    </>
  );

  return (
    <form className="admin-form" onSubmit={(e) => void save(e)} aria-labelledby="ent-form-title" noValidate>
      <h3 id="ent-form-title">{entitlement ? `Edit entitlement ${entitlement.entitlementId}` : 'New entitlement'}</h3>
      <ErrorSummary scope={S} failure={failure} />
      {field('entitlementId', 'Entitlement id', { readOnly: entitlement !== null })}
      {field('name', 'Name')}
      {field('accountId', 'Account id')}
      {field('contactIds', 'Contacts (ids, comma-separated; empty: every contact)')}
      {field('assetId', 'Asset id (optional)')}
      {field('processId', 'Process id', { list: 'ent-processes' })}
      <datalist id="ent-processes">{(processes ?? []).map((p) => <option key={p.processId} value={p.processId}>{p.name}</option>)}</datalist>
      {field('calendarId', 'Calendar id (optional: the process\'s otherwise)', { list: 'ent-calendars' })}
      <datalist id="ent-calendars">{(calendars ?? []).map((c) => <option key={c.calendarId} value={c.calendarId}>{c.name}</option>)}</datalist>
      {field('startDate', 'Start date', { type: 'date' })}
      {field('endDate', 'End date (optional)', { type: 'date' })}
      {field('casesAllowed', 'Cases allowed (per-incident cap; empty: unlimited)', { type: 'number', min: 0 })}
      {entitlement && <p>Status {entitlement.status}; remaining cases: {entitlement.remainingCases ?? 'unlimited'}.</p>}
      <div className="buttons">
        <button type="submit" disabled={busy}>Save entitlement</button>
        {entitlement && <DeleteButton what={`entitlement ${entitlement.entitlementId}`} remove={() => deleteEntitlement(key, entitlement.entitlementId)} deleted={() => done(entitlement.accountId)} />}
        <button type="button" onClick={() => done(form.accountId || defaultAccount)}>Close</button>
      </div>
    </form>
  );
}
