import { ACTION_TRIGGERS, ACTION_TYPES, type Recurrence } from '../../api/admin';
import { FieldError } from './FieldError';
import { describedBy, fieldId, type FieldErrors } from './fieldErrors';
import type { ActionDraft, MilestoneDraft, WarningDraft } from './processDraft';

const S = 'proc';
const RECURRENCES: Recurrence[] = ['none', 'independent', 'sequential'];
const PRIORITIES = ['Urgent', 'High', 'Medium', 'Low'];

/** Errors under a path that the form shows in one place (an action's JSON details: `...actions[0].set`). */
function messagesUnder(errors: FieldErrors, prefix: string, except: string[]): string[] {
  return Object.entries(errors)
    .filter(([path]) => path.startsWith(`${prefix}.`) && !except.includes(path.slice(prefix.length + 1)))
    .map(([path, messages]) => `${path.slice(prefix.length + 1)}: ${messages.join(' ')}`);
}

/** One milestone: name, target minutes (default and per priority), criteria, recurrence, warnings, actions. */
export function MilestoneEditor({ index, milestone, errors, change, remove }: {
  index: number;
  milestone: MilestoneDraft;
  errors: FieldErrors;
  change: (next: Partial<MilestoneDraft>) => void;
  remove: () => void;
}) {
  const at = `milestones[${index}]`;
  const f = (path: string) => describedBy(S, errors, `${at}.${path}`);
  const n = `milestone ${index + 1}`;
  const hidden = (text: string) => <span className="visually-hidden"> ({text})</span>;
  const setRow = <T,>(rows: T[], i: number, row: Partial<T>): T[] => rows.map((r, j) => (j === i ? { ...r, ...row } : r));
  return (
    <fieldset className="milestone" aria-label={`Milestone ${index + 1}: ${milestone.name || 'unnamed'}`}>
      <legend>Milestone {index + 1}{milestone.name ? `: ${milestone.name}` : ''}</legend>
      <FieldError scope={S} errors={errors} path={at} />
      <div className="row">
        <label htmlFor={f('name').id}>Name{hidden(n)}</label>
        <input {...f('name')} value={milestone.name} onChange={(e) => change({ name: e.target.value })} />
        <label htmlFor={f('minutes').id}>Target minutes{hidden(n)}</label>
        <input {...f('minutes')} type="number" min="0" value={milestone.minutes} onChange={(e) => change({ minutes: e.target.value })} />
        <label htmlFor={f('recurrence').id}>Recurrence{hidden(n)}</label>
        <select {...f('recurrence')} value={milestone.recurrence} onChange={(e) => change({ recurrence: e.target.value as Recurrence })}>
          {RECURRENCES.map((r) => <option key={r}>{r}</option>)}
        </select>
        <label htmlFor={f('completedBy').id}>Completed by (event types){hidden(n)}</label>
        <input {...f('completedBy')} value={milestone.completedBy} onChange={(e) => change({ completedBy: e.target.value })} placeholder="agentReplied" />
        <button type="button" onClick={remove}>Remove milestone {index + 1}</button>
      </div>
      <FieldError scope={S} errors={errors} path={`${at}.name`} />
      <FieldError scope={S} errors={errors} path={`${at}.minutes`} />
      <FieldError scope={S} errors={errors} path={`${at}.recurrence`} />
      <FieldError scope={S} errors={errors} path={`${at}.completedBy`} />
      <FieldError scope={S} errors={errors} path={`${at}.startedBy`} />

      <div role="group" aria-label={`Target minutes by priority, ${n}`}>
        <h4>Minutes by priority</h4>
        {milestone.byPriority.map((p, i) => (
          <span key={i} className="row">
            <label htmlFor={`${fieldId(S, at)}-prio-${i}`}>Priority{hidden(`${n}, row ${i + 1}`)}</label>
            <input id={`${fieldId(S, at)}-prio-${i}`} list="priorities" value={p.priority} onChange={(e) => change({ byPriority: setRow(milestone.byPriority, i, { priority: e.target.value }) })} />
            <label htmlFor={describedBy(S, errors, `${at}.minutesByPriority.${p.priority}`).id}>minutes{hidden(`${n}, ${p.priority || `row ${i + 1}`}`)}</label>
            <input {...describedBy(S, errors, `${at}.minutesByPriority.${p.priority}`)} type="number" min="0" value={p.minutes} onChange={(e) => change({ byPriority: setRow(milestone.byPriority, i, { minutes: e.target.value }) })} />
            <button type="button" className="link" onClick={() => change({ byPriority: milestone.byPriority.filter((_, j) => j !== i) })}>Remove{hidden(`${n}, priority row ${i + 1}`)}</button>
            <FieldError scope={S} errors={errors} path={`${at}.minutesByPriority.${p.priority}`} />
          </span>
        ))}
        <button type="button" onClick={() => change({ byPriority: [...milestone.byPriority, { priority: PRIORITIES.find((p) => !milestone.byPriority.some((x) => x.priority === p)) ?? '', minutes: milestone.minutes }] })}>
          Add priority time{hidden(n)}
        </button>
        <FieldError scope={S} errors={errors} path={`${at}.minutesByPriority`} />
      </div>

      <div role="group" aria-label={`Criteria, ${n}`}>
        <h4>Criteria (the milestone applies when every field has one of its values)</h4>
        {milestone.criteria.map((c, i) => (
          <span key={i} className="row">
            <label htmlFor={`${fieldId(S, at)}-crit-${i}`}>Case field{hidden(`${n}, criterion ${i + 1}`)}</label>
            <input id={`${fieldId(S, at)}-crit-${i}`} value={c.field} placeholder="priority" onChange={(e) => change({ criteria: setRow(milestone.criteria, i, { field: e.target.value }) })} />
            <label htmlFor={describedBy(S, errors, `${at}.criteria.${c.field}`).id}>values (comma-separated){hidden(`${n}, criterion ${i + 1}`)}</label>
            <input {...describedBy(S, errors, `${at}.criteria.${c.field}`)} value={c.values} placeholder="High, Urgent" onChange={(e) => change({ criteria: setRow(milestone.criteria, i, { values: e.target.value }) })} />
            <button type="button" className="link" onClick={() => change({ criteria: milestone.criteria.filter((_, j) => j !== i) })}>Remove{hidden(`${n}, criterion ${i + 1}`)}</button>
            <FieldError scope={S} errors={errors} path={`${at}.criteria.${c.field}`} />
          </span>
        ))}
        <button type="button" onClick={() => change({ criteria: [...milestone.criteria, { field: '', values: '' }] })}>Add criterion{hidden(n)}</button>
        <FieldError scope={S} errors={errors} path={`${at}.criteria`} />
      </div>

      <div role="group" aria-label={`Warnings, ${n}`}>
        <h4>Warnings</h4>
        {milestone.warnings.map((w, i) => {
          const wat = `${at}.warnings[${i}]`;
          const valuePath = `${wat}.${w.kind}`;
          return (
            <span key={i} className="row">
              <label htmlFor={`${fieldId(S, wat)}-kind`}>Warn{hidden(`${n}, warning ${i + 1}`)}</label>
              <select id={`${fieldId(S, wat)}-kind`} value={w.kind} onChange={(e) => change({ warnings: setRow<WarningDraft>(milestone.warnings, i, { kind: e.target.value as WarningDraft['kind'] }) })}>
                <option value="atPercent">at percent of the time</option>
                <option value="beforeTargetMinutes">minutes before the target</option>
              </select>
              <label htmlFor={describedBy(S, errors, valuePath).id}>value{hidden(`${n}, warning ${i + 1}`)}</label>
              <input {...describedBy(S, errors, valuePath)} type="number" value={w.value} onChange={(e) => change({ warnings: setRow(milestone.warnings, i, { value: e.target.value }) })} />
              <button type="button" className="link" onClick={() => change({ warnings: milestone.warnings.filter((_, j) => j !== i) })}>Remove{hidden(`${n}, warning ${i + 1}`)}</button>
              <FieldError scope={S} errors={errors} path={valuePath} />
              <FieldError scope={S} errors={errors} path={wat} />
            </span>
          );
        })}
        <button type="button" onClick={() => change({ warnings: [...milestone.warnings, { kind: 'atPercent', value: '75' }] })}>Add warning{hidden(n)}</button>
      </div>

      <div role="group" aria-label={`Actions, ${n}`}>
        <h4>Actions</h4>
        {milestone.actions.map((a, i) => {
          const aat = `${at}.actions[${i}]`;
          const detailsId = `${fieldId(S, aat)}-details`;
          const detailErrors = messagesUnder(errors, aat, ['when', 'type']);
          return (
            <span key={i} className="row">
              <label htmlFor={describedBy(S, errors, `${aat}.when`).id}>When{hidden(`${n}, action ${i + 1}`)}</label>
              <select {...describedBy(S, errors, `${aat}.when`)} value={a.when} onChange={(e) => change({ actions: setRow<ActionDraft>(milestone.actions, i, { when: e.target.value as ActionDraft['when'] }) })}>
                {ACTION_TRIGGERS.map((t) => <option key={t}>{t}</option>)}
              </select>
              <label htmlFor={describedBy(S, errors, `${aat}.type`).id}>Type{hidden(`${n}, action ${i + 1}`)}</label>
              <select {...describedBy(S, errors, `${aat}.type`)} value={a.type} onChange={(e) => change({ actions: setRow<ActionDraft>(milestone.actions, i, { type: e.target.value as ActionDraft['type'] }) })}>
                {ACTION_TYPES.map((t) => <option key={t}>{t}</option>)}
              </select>
              <label htmlFor={detailsId}>Other fields (JSON){hidden(`${n}, action ${i + 1}`)}</label>
              <input id={detailsId} className="wide" value={a.details} placeholder='{"set": {"status": "Resolved"}}'
                aria-invalid={detailErrors.length > 0 || undefined} aria-describedby={detailErrors.length > 0 ? `${detailsId}-error` : undefined}
                onChange={(e) => change({ actions: setRow(milestone.actions, i, { details: e.target.value }) })} />
              <button type="button" className="link" onClick={() => change({ actions: milestone.actions.filter((_, j) => j !== i) })}>Remove{hidden(`${n}, action ${i + 1}`)}</button>
              <FieldError scope={S} errors={errors} path={`${aat}.when`} />
              <FieldError scope={S} errors={errors} path={`${aat}.type`} />
              <FieldError scope={S} errors={errors} path={aat} />
              {detailErrors.length > 0 && <span className="error field-error" id={`${detailsId}-error`}>{detailErrors.join(' ')}</span>}
            </span>
          );
        })}
        <button type="button" onClick={() => change({ actions: [...milestone.actions, { when: 'violation', type: 'webhook', details: '' }] })}>Add action{hidden(n)}</button>
      </div>
    </fieldset>
  );
}
