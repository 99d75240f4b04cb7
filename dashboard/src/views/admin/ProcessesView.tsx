import { useState, type FormEvent } from 'react';
import { deleteProcess, listProcesses, putProcess, setProcessActive, type ProcessRead } from '../../api/admin';
import { formatInstant } from '../../format/time';
import { useSla } from '../../state/store';
import { DeleteButton } from './DeleteButton';
import { ErrorSummary } from './ErrorSummary';
import { FieldError } from './FieldError';
import { describedBy } from './fieldErrors';
import { MilestoneEditor } from './MilestoneEditor';
import { newMilestone, newProcessDraft, toProcessDefinition, toProcessDraft, type MilestoneDraft, type ProcessDraft } from './processDraft';
import { useAction, useKey, useLoad } from './useAdmin';
import { VersionHistory } from './VersionHistory';

const S = 'proc';
type Show = 'all' | 'active' | 'deactivated';

/** Entitlement processes: list by state, edit (each save a new version), history and diff, (de)activate, delete. */
export function ProcessesView() {
  const { data: processes, failure, reload } = useLoad(listProcesses, []);
  const [editing, setEditing] = useState<ProcessRead | 'new' | null>(null);
  const [show, setShow] = useState<Show>('all');
  const zone = useSla((s) => s.zone);
  const shown = (processes ?? []).filter((p) => show === 'all' || (show === 'active') === (p.active !== false));
  return (
    <section aria-labelledby="processes-title">
      <h2 id="processes-title">Processes</h2>
      <ErrorSummary scope="processes" failure={failure} />
      <div className="row">
        <button type="button" onClick={() => setEditing('new')}>New process</button>
        <label htmlFor="process-show">Show</label>
        <select id="process-show" value={show} onChange={(e) => setShow(e.target.value as Show)}>
          <option value="all">all</option><option value="active">active</option><option value="deactivated">deactivated</option>
        </select>
      </div>
      <table className="admin-table">
        <caption className="visually-hidden">Processes</caption>
        <thead><tr><th>Process id</th><th>Name</th><th>Version</th><th>State</th><th>Milestones</th><th>Changed</th><th><span className="visually-hidden">Actions</span></th></tr></thead>
        <tbody>
          {shown.map((p) => (
            <tr key={p.processId} data-process-id={p.processId}>
              <td>{p.processId}</td><td>{p.name}</td><td>{p.version}</td><td>{p.active === false ? 'deactivated' : 'active'}</td>
              <td>{p.milestones.map((m) => m.name).join(', ')}</td><td>{formatInstant(p.createdAt, zone)}</td>
              <td><button type="button" className="link" onClick={() => setEditing(p)}>Edit<span className="visually-hidden"> {p.processId}</span></button></td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing && (
        <ProcessEditor
          key={editing === 'new' ? 'new' : `${editing.processId}-${editing.version}`}
          process={editing === 'new' ? null : editing}
          saved={(p) => { setEditing(p); reload(); }}
          closed={() => { setEditing(null); reload(); }}
        />
      )}
    </section>
  );
}

function ProcessEditor({ process, saved, closed }: { process: ProcessRead | null; saved: (p: ProcessRead) => void; closed: () => void }) {
  const key = useKey();
  const [processId, setProcessId] = useState(process?.processId ?? '');
  const [draft, setDraft] = useState<ProcessDraft>(() => (process ? toProcessDraft(process) : newProcessDraft()));
  const { busy, failure, setFailure, run } = useAction();
  const errors = failure?.fields ?? {};
  const f = (path: string) => describedBy(S, errors, path);
  const change = (next: Partial<ProcessDraft>) => setDraft((d) => ({ ...d, ...next }));
  const changeMilestone = (i: number, next: Partial<MilestoneDraft>) =>
    setDraft((d) => ({ ...d, milestones: d.milestones.map((m, j) => (j === i ? { ...m, ...next } : m)) }));

  async function save(e: FormEvent) {
    e.preventDefault();
    const { body, errors: local } = toProcessDefinition(draft);
    if (Object.keys(local).length > 0) {
      setFailure({ fields: local, message: 'Fix the fields below.' });
      return;
    }
    const result = await run(() => putProcess(key, processId.trim(), body));
    if (result) {
      saved(result);
    }
  }

  async function toggle(active: boolean) {
    const result = await run(() => setProcessActive(key, process!.processId, active));
    if (result) {
      saved(result);
    }
  }

  return (
    <>
      <form className="admin-form" onSubmit={(e) => void save(e)} aria-labelledby="process-form-title" noValidate>
        <h3 id="process-form-title">{process ? `Edit process ${process.processId} (version ${process.version})` : 'New process'}</h3>
        {process && <p className="muted">Saving a change stores version {process.version + 1}; open cases stay on the version they entered with.</p>}
        <ErrorSummary scope={S} failure={failure} />
        <div className="row">
          <label htmlFor={`${S}-processId`}>Process id</label>
          <input {...f('processId')} required readOnly={process !== null} value={processId} onChange={(e) => setProcessId(e.target.value)} />
          <label htmlFor={`${S}-name`}>Name</label>
          <input {...f('name')} value={draft.name} onChange={(e) => change({ name: e.target.value })} />
          <label htmlFor={`${S}-calendarId`}>Calendar id (empty: 24x7)</label>
          <input {...f('calendarId')} value={draft.calendarId} onChange={(e) => change({ calendarId: e.target.value })} />
        </div>
        <FieldError scope={S} errors={errors} path="processId" />
        <FieldError scope={S} errors={errors} path="name" />
        <FieldError scope={S} errors={errors} path="calendarId" />
        <label htmlFor={`${S}-description`}>Description</label>
        <input {...f('description')} value={draft.description} onChange={(e) => change({ description: e.target.value })} />
        <FieldError scope={S} errors={errors} path="description" />
        <datalist id="priorities">{['Urgent', 'High', 'Medium', 'Low'].map((p) => <option key={p} value={p} />)}</datalist>
        {draft.milestones.map((m, i) => (
          <MilestoneEditor key={i} index={i} milestone={m} errors={errors} change={(next) => changeMilestone(i, next)}
            remove={() => change({ milestones: draft.milestones.filter((_, j) => j !== i) })} />
        ))}
        <FieldError scope={S} errors={errors} path="milestones" />
        <div className="buttons">
          <button type="button" onClick={() => change({ milestones: [...draft.milestones, newMilestone()] })}>Add milestone</button>
          <button type="submit" disabled={busy}>{process ? 'Save as a new version' : 'Create process'}</button>
          {process && (process.active === false
            ? <button type="button" disabled={busy} onClick={() => void toggle(true)}>Activate</button>
            : <button type="button" disabled={busy} onClick={() => void toggle(false)}>Deactivate</button>)}
          {process && <DeleteButton what={`process ${process.processId}`} remove={() => deleteProcess(key, process.processId)} deleted={closed} />}
          <button type="button" onClick={closed}>Close</button>
        </div>
      </form>
      {process && <VersionHistory processId={process.processId} latest={process.version} />}
    </>
  );
}
