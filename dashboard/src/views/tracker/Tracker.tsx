import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, caseEvents } from '../../api/http';
import type { CaseEvent, Calendar, Entitlement } from '../../api/model';
import { Icon } from '../../components/Icon';
import { MilestoneCountdown } from '../../components/MilestoneCountdown';
import { MilestoneElapsed } from '../../components/MilestoneElapsed';
import { formatSeconds } from '../../live/countdown';
import { formatInstant } from '../../format/time';
import { friendly, milestoneLabel } from '../../format/labels';
import { onApiError, subscriptions } from '../../state/session';
import { cases, useSla } from '../../state/store';
import { isOpen } from '../cases/caseRows';
import { ActionForm } from './ActionForm';
import { act, stopOrResume } from './caseActions';

const STATUS_ICON = { InProgress: 'ok', Paused: 'paused', Completed: 'done', Violated: 'violated', CompletedLate: 'late', Canceled: 'canceled' } as const;

/** Loads a definition the tracker names (calendar, entitlement) once per id; null while unknown or unreadable. */
function useDefinition<T>(path: string | null): T | null {
  const key = useSla((s) => s.key);
  const [value, setValue] = useState<{ path: string; value: T } | null>(null);
  useEffect(() => {
    if (!key || !path) {
      return;
    }
    let cancelled = false;
    api<T>(key, path).then((v) => !cancelled && setValue({ path, value: v }), onApiError);
    return () => {
      cancelled = true;
    };
  }, [key, path]);
  return value && value.path === path ? value.value : null;
}

/** The milestone tracker: every milestone instance of a case, what applies to it, its timeline, and the actions. */
export function Tracker() {
  const caseId = decodeURIComponent(useParams().caseId ?? '');
  const key = useSla((s) => s.key)!;
  const me = useSla((s) => s.me);
  const zone = useSla((s) => s.zone);
  useSla((s) => s.revision);
  const held = cases.get(caseId);
  const snapshot = held?.snapshot;
  const [events, setEvents] = useState<CaseEvent[]>([]);
  const connection = useSla((s) => s.connection);

  useEffect(() => (connection === 'connected' ? subscriptions.acquireCase(caseId) : undefined), [caseId, connection]);
  useEffect(() => {
    let cancelled = false;
    caseEvents(key, caseId).then((e) => !cancelled && setEvents(e), (e: unknown) => {
      onApiError(e);
      if (!cancelled) {
        setEvents([]);
      }
    });
    return () => {
      cancelled = true;
    };
  }, [key, caseId, snapshot?.version]);

  const calendarId = snapshot?.milestones.find((m) => m.calendarId)?.calendarId ?? null;
  const calendar = useDefinition<Calendar>(calendarId ? `calendars/${encodeURIComponent(calendarId)}` : null);
  const entitlement = useDefinition<Entitlement>(snapshot?.entitlementId ? `entitlements/${encodeURIComponent(snapshot.entitlementId)}` : null);

  if (!held || !snapshot) {
    return (
      <section className="detail" aria-labelledby="detail-title">
        <Link to="/" className="back">Back to the board</Link>
        <h2 id="detail-title">Case {caseId}</h2>
        <p className="empty">{connection === 'connected' ? 'Loading, or no such case…' : 'Connecting…'}</p>
      </section>
    );
  }

  const send = (body: Parameters<typeof act>[2]) => act(key, caseId, body);
  const field = (name: string, value: string) => send({ type: 'updated', changes: { [name]: value } });
  const openMilestones = snapshot.milestones.filter(isOpen);

  return (
    <section className="detail" aria-labelledby="detail-title">
      <Link to="/" className="back">Back to the board</Link>
      <h2 id="detail-title">{caseId} — {snapshot.subject ?? ''}</h2>
      <dl className="facts">
        <div><dt>Status</dt><dd data-field="status">{friendly(snapshot.status) || 'None'}{snapshot.closed ? ' (closed)' : ''}</dd></div>
        <div><dt>Priority</dt><dd data-field="priority">{snapshot.priority ?? 'None'}</dd></div>
        <div><dt>Queue</dt><dd data-field="queue">{snapshot.queue ?? 'None'}</dd></div>
        <div><dt>Owner</dt><dd data-field="owner">{snapshot.owner ?? 'Unassigned'}</dd></div>
        <div><dt>Account</dt><dd>{snapshot.accountId ?? 'None'}</dd></div>
        <div>
          <dt>Entitlement</dt>
          <dd data-field="entitlement">
            {snapshot.entitlementId
              ? `${entitlement?.name ?? snapshot.entitlementId}${entitlement ? ` (${friendly(entitlement.status)}, ${entitlement.remainingCases === null ? 'unlimited cases' : `${entitlement.remainingCases} cases left`})` : ''}`
              : 'None'}
          </dd>
        </div>
        <div><dt>Process</dt><dd>{snapshot.processId ? `${snapshot.processId} v${snapshot.processVersion}` : 'No SLA'}</dd></div>
        <div>
          <dt>Calendar</dt>
          <dd data-field="calendar">{calendarId ? `${calendar?.name || calendarId}${calendar?.timeZone ? ` (${calendar.timeZone})` : ''}` : 'None'}</dd>
        </div>
        <div>
          <dt>Clock</dt>
          <dd data-field="clock">
            {snapshot.isStopped ? <><Icon name="stopped" /> Stopped since {formatInstant(snapshot.stoppedSince, zone)}</> : 'Running per calendar'}
          </dd>
        </div>
      </dl>
      {snapshot.entitlementReason && <p className="meta">{snapshot.entitlementReason}</p>}
      <p className="meta">Times in {zone}.</p>

      <table className="tracker">
        <caption className="visually-hidden">Milestones of case {caseId}</caption>
        <thead>
          <tr>
            <th scope="col">Status</th><th scope="col">Milestone</th><th scope="col">Started</th><th scope="col">Target</th>
            <th scope="col" className="num">Elapsed</th><th scope="col" className="num">Paused</th><th scope="col">Time left</th><th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {snapshot.milestones.map((m) => (
            <tr key={m.id} data-milestone-id={m.id}>
              <td data-column="status"><Icon name={STATUS_ICON[m.status] ?? 'ok'} /> <span className="status">{milestoneLabel(m.status)}</span></td>
              <td>{m.name} #{m.instance}</td>
              <td>{formatInstant(m.startedAt, zone)}</td>
              <td>{m.targetAt ? formatInstant(m.targetAt, zone) : 'Not reachable'}</td>
              <td className="num" data-column="elapsed"><MilestoneElapsed held={held} milestone={m} /></td>
              <td className="num">{formatSeconds(m.pausedSeconds)}</td>
              <td data-column="left"><MilestoneCountdown held={held} milestone={m} /></td>
              <td>
                {isOpen(m) && (
                  <CompleteButton name={m.name} complete={() => send({ type: 'milestoneCompleted', milestone: m.name })} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>Actions</h3>
      {snapshot.closed ? (
        // The API records events on a closed case (they start no clock); like Salesforce's console, the tracker asks to
        // reopen it first rather than let an agent act on a case nobody works.
        <div className="actions">
          <ActionForm id="reopen" title="This case is closed" submit="Reopen case" act={() => send({ type: 'reopened' })}>
            <p className="meta">Reopen it to act on it.</p>
          </ActionForm>
        </div>
      ) : (
        <div className="actions">
          <ActionForm id="complete" title="Complete a milestone" submit="Complete" act={(d) => send({ type: 'milestoneCompleted', milestone: String(d.get('milestone')).trim() })}>
            <label htmlFor="complete-name">Milestone</label>
            <input id="complete-name" name="milestone" required list="milestone-choices" />
            <datalist id="milestone-choices">
              {[...new Set(openMilestones.map((m) => m.name))].map((n) => <option key={n} value={n} />)}
            </datalist>
          </ActionForm>
          <ActionForm id="clock" title={snapshot.isStopped ? 'Resume the clock' : 'Stop the clock'} submit={snapshot.isStopped ? 'Resume clock' : 'Stop clock'}
            act={(d) => stopOrResume(key, caseId, snapshot.isStopped ? 'resumed' : 'stopped', String(d.get('reason') ?? '').trim())}>
            <label htmlFor="clock-reason">Reason</label>
            <input id="clock-reason" name="reason" required maxLength={500} />
          </ActionForm>
          <ActionForm id="priority" title="Priority" submit="Change priority" act={(d) => field('priority', String(d.get('priority')))}>
            <label htmlFor="priority-value">New priority</label>
            <select id="priority-value" name="priority" defaultValue={snapshot.priority ?? 'Medium'}>
              {['Urgent', 'High', 'Medium', 'Low'].map((p) => <option key={p}>{p}</option>)}
            </select>
          </ActionForm>
          <ActionForm id="status" title="Status" submit="Change status" act={(d) => field('status', String(d.get('status')).trim())}>
            <label htmlFor="status-value">New status</label>
            <input id="status-value" name="status" required list="status-choices" />
            <datalist id="status-choices">
              {['New', 'Working', 'Waiting on Customer', 'Escalated'].map((s) => <option key={s} value={s} />)}
            </datalist>
          </ActionForm>
          <ActionForm id="queue-change" title="Queue" submit="Move to queue" act={(d) => field('queue', String(d.get('queue')).trim())}>
            <label htmlFor="queue-value">New queue</label>
            <input id="queue-value" name="queue" required />
          </ActionForm>
          <ActionForm id="owner" title="Owner" submit="Assign" act={(d) => field('owner', String(d.get('owner')).trim() || (me?.id ?? ''))}>
            <label htmlFor="owner-value">New owner (empty: me)</label>
            <input id="owner-value" name="owner" placeholder={me?.kind === 'user' ? me.id : ''} />
          </ActionForm>
          <ActionForm id="entitlement-change" title="Entitlement" submit="Set entitlement" act={(d) => field('entitlementId', String(d.get('entitlementId')).trim())}>
            <label htmlFor="entitlement-value">Entitlement id</label>
            <input id="entitlement-value" name="entitlementId" required />
          </ActionForm>
        </div>
      )}

      <h3>Timeline</h3>
      <ol className="timeline">
        {events.map((e) => (
          <li key={e.eventId}>
            <time dateTime={e.occurredAt}>{formatInstant(e.occurredAt, zone)}</time>{' '}
            <span className="event-type">{describe(e)}</span>
            {e.actor && <span className="actor"> by {e.actor.kind === 'user' ? e.actor.id : `integration ${e.actor.id}`}</span>}
          </li>
        ))}
      </ol>
      {openMilestones.length === 0 && !snapshot.closed && <p className="meta">No open milestone.</p>}
    </section>
  );
}

function describe(e: CaseEvent): string {
  if (e.type === 'milestoneCompleted') {
    return `${e.type}: ${e.milestone ?? ''}`;
  }
  // Custom fields read as fields of their own (clockReason=Waiting on the vendor), not as a JSON object.
  const { customFields, ...fields } = e.changes ?? {};
  const entries = [...Object.entries(fields), ...Object.entries((customFields ?? {}) as Record<string, unknown>)];
  const changes = entries.filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`).join(', ');
  return changes ? `${e.type} ${changes}` : e.type;
}

function CompleteButton({ name, complete }: { name: string; complete: () => Promise<void> }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button type="button" onClick={() => {
        setError(null);
        complete().catch((err: unknown) => {
          onApiError(err);
          setError((err as Error).message);
        });
      }}>Complete <span className="visually-hidden">{name}</span></button>
      {error && <p className="error" role="alert">{error}</p>}
    </>
  );
}
