import { useEffect, useState, type FormEvent } from 'react';
import { addBusinessTime, calendarVersions, deleteCalendar, listCalendars, putCalendar, WEEKDAYS, type CalendarRead, type CalendarWritten, type TimeRange } from '../../api/admin';
import { formatInstant, zones } from '../../format/time';
import { onApiError } from '../../state/session';
import { useSla } from '../../state/store';
import { newDraft, toDefinition, toDraft, type CalendarDraft, type HolidayDraft } from './calendarDraft';
import { DeleteButton } from './DeleteButton';
import { ErrorSummary } from './ErrorSummary';
import { FieldError } from './FieldError';
import { describedBy, type FieldErrors } from './fieldErrors';
import { useAction, useKey, useLoad } from './useAdmin';
import { WeekPreview } from './WeekPreview';

const ZONES = zones();
const S = 'cal';

/** Business-hours calendars: the list, and an editor with a weekly grid, holidays and a live preview. */
export function CalendarsView() {
  const { data: calendars, failure, reload } = useLoad(listCalendars, []);
  const [editing, setEditing] = useState<CalendarRead | 'new' | null>(null);
  const zone = useSla((s) => s.zone);
  return (
    <section aria-labelledby="calendars-title">
      <h2 id="calendars-title">Calendars</h2>
      <ErrorSummary scope="calendars" failure={failure} />
      <button type="button" onClick={() => setEditing('new')}>New calendar</button>
      <table className="admin-table">
        <caption className="visually-hidden">Calendars</caption>
        <thead><tr><th>Calendar id</th><th>Name</th><th>Time zone</th><th>Holidays</th><th>Updated</th><th><span className="visually-hidden">Actions</span></th></tr></thead>
        <tbody>
          {(calendars ?? []).map((c) => (
            <tr key={c.calendarId} data-calendar-id={c.calendarId}>
              <td>{c.calendarId}</td><td>{c.name}</td><td>{c.alwaysOpen ? `${c.timeZone} (24x7)` : c.timeZone}</td>
              <td>{c.holidays?.length ?? 0}</td><td>{formatInstant(c.updatedAt, zone)}</td>
              <td><button type="button" className="link" onClick={() => setEditing(c)}>Edit<span className="visually-hidden"> {c.calendarId}</span></button></td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing && (
        <CalendarEditor
          key={editing === 'new' ? 'new' : editing.calendarId}
          calendar={editing === 'new' ? null : editing}
          saved={(c) => { setEditing(c); reload(); }}
          closed={() => { setEditing(null); reload(); }}
        />
      )}
    </section>
  );
}

function CalendarEditor({ calendar, saved, closed }: { calendar: CalendarRead | null; saved: (c: CalendarRead) => void; closed: () => void }) {
  const key = useKey();
  const browserZone = useSla((s) => s.zone);
  const [calendarId, setCalendarId] = useState(calendar?.calendarId ?? '');
  const [draft, setDraft] = useState<CalendarDraft>(() => (calendar ? toDraft(calendar) : newDraft(browserZone)));
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [allowPast, setAllowPast] = useState(false);
  const [written, setWritten] = useState<CalendarWritten | null>(null);
  const { busy, failure, run } = useAction();
  const errors = failure?.fields ?? {};
  const f = (path: string) => describedBy(S, errors, path);
  const change = (next: Partial<CalendarDraft>) => setDraft((d) => ({ ...d, ...next }));

  async function save(e: FormEvent) {
    e.preventDefault();
    // The browser's local time, as the admin typed it, to an instant; empty means now.
    const from = effectiveFrom ? new Date(effectiveFrom) : null;
    const body = { ...toDefinition(draft), ...(from && !Number.isNaN(from.getTime()) ? { effectiveFrom: from.toISOString() } : {}) };
    const result = await run(() => putCalendar(key, calendarId.trim(), body, allowPast));
    if (result) {
      setWritten(result);
      saved(result);
    }
  }

  return (
    <form className="admin-form" onSubmit={(e) => void save(e)} aria-labelledby="calendar-form-title" noValidate>
      <h3 id="calendar-form-title">{calendar ? `Edit calendar ${calendar.calendarId}` : 'New calendar'}</h3>
      <ErrorSummary scope={S} failure={failure} />
      <label htmlFor={`${S}-calendarId`}>Calendar id</label>
      <input {...f('calendarId')} required readOnly={calendar !== null} value={calendarId} onChange={(e) => setCalendarId(e.target.value)} />
      <FieldError scope={S} errors={errors} path="calendarId" />
      <label htmlFor={`${S}-name`}>Name</label>
      <input {...f('name')} value={draft.name} onChange={(e) => change({ name: e.target.value })} />
      <FieldError scope={S} errors={errors} path="name" />
      <label htmlFor={`${S}-timeZone`}>Time zone (IANA)</label>
      <input {...f('timeZone')} list="iana-zones" value={draft.timeZone} onChange={(e) => change({ timeZone: e.target.value })} />
      <datalist id="iana-zones">{ZONES.map((z) => <option key={z} value={z} />)}</datalist>
      <FieldError scope={S} errors={errors} path="timeZone" />
      <label htmlFor={`${S}-effectiveFrom`}>Effective from (your browser's time; empty: now)</label>
      <input {...f('effectiveFrom')} type="datetime-local" value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.target.value)} />
      <label className="inline"><input type="checkbox" checked={allowPast} onChange={(e) => setAllowPast(e.target.checked)} /> Correct past hours (allow an instant before now: open cases are recomputed)</label>
      <FieldError scope={S} errors={errors} path="effectiveFrom" />
      <FieldError scope={S} errors={errors} path="allowPast" />
      <label className="inline"><input type="checkbox" checked={draft.alwaysOpen} onChange={(e) => change({ alwaysOpen: e.target.checked })} /> Open 24x7</label>
      {!draft.alwaysOpen && <WeeklyGrid draft={draft} errors={errors} setDraft={setDraft} />}
      <FieldError scope={S} errors={errors} path="weekly" />
      <Holidays draft={draft} errors={errors} setDraft={setDraft} />
      <WeekPreview draft={draft} />
      <div className="buttons">
        <button type="submit" disabled={busy}>Save calendar</button>
        {calendar && <DeleteButton what={`calendar ${calendar.calendarId}`} remove={() => deleteCalendar(key, calendar.calendarId)} deleted={closed} />}
        <button type="button" onClick={closed}>Close</button>
      </div>
      {written && (
        <p role="status" className="saved-version">
          Version {written.version} saved, effective from {formatInstant(written.effectiveFrom, browserZone)}; {written.recomputed?.length ?? 0} open cases recomputed.
        </p>
      )}
      {calendar ? <BusinessTimePreview calendarId={calendar.calendarId} timeZone={calendar.timeZone} revision={calendar.updatedAt} /> : <p className="muted">Save the calendar to ask the API for business-time answers.</p>}
      {calendar && <CalendarVersions calendarId={calendar.calendarId} revision={calendar.updatedAt} />}
    </form>
  );
}

/** Every version of the calendar, oldest first: a change applies from its effective instant, so history keeps its hours. */
function CalendarVersions({ calendarId, revision }: { calendarId: string; revision: string }) {
  const zone = useSla((s) => s.zone);
  const { data: versions } = useLoad((key) => calendarVersions(key, calendarId), [calendarId, revision]);
  return (
    <table className="admin-table calendar-versions">
      <caption>Versions</caption>
      <thead><tr><th>Version</th><th>Effective from</th><th>Recorded</th></tr></thead>
      <tbody>
        {(versions ?? []).map((v) => (
          <tr key={v.version} data-version={v.version}>
            <td>{v.version}</td><td>{formatInstant(v.effectiveFrom, zone)}</td><td>{formatInstant(v.recordedAt, zone)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type SetDraft = (update: (d: CalendarDraft) => CalendarDraft) => void;

/** Per weekday any number of spans (a split day is two), `24:00` allowed as an end. */
function WeeklyGrid({ draft, errors, setDraft }: { draft: CalendarDraft; errors: FieldErrors; setDraft: SetDraft }) {
  const setSpans = (day: (typeof WEEKDAYS)[number], spans: TimeRange[]) => setDraft((d) => ({ ...d, days: { ...d.days, [day]: spans } }));
  return (
    <fieldset className="weekly">
      <legend>Weekly hours (local time; 24:00 ends a day)</legend>
      {WEEKDAYS.map((day) => {
        const spans = draft.days[day];
        const title = day[0].toUpperCase() + day.slice(1);
        return (
          <div key={day} className="row" role="group" aria-label={title}>
            <span className="day">{title}</span>
            {spans.length === 0 && <span className="muted">closed</span>}
            {spans.map((span, i) => {
              const at = `weekly.${day}[${i}]`;
              const set = (field: 'start' | 'end', value: string) => setSpans(day, spans.map((s, j) => (j === i ? { ...s, [field]: value } : s)));
              return (
                <span key={i} className="row span-edit">
                  <label htmlFor={describedBy(S, errors, `${at}.start`).id}><span className="visually-hidden">{title} span {i + 1} </span>opens</label>
                  <input {...describedBy(S, errors, `${at}.start`)} size={5} placeholder="09:00" value={span.start} onChange={(e) => set('start', e.target.value)} />
                  <label htmlFor={describedBy(S, errors, `${at}.end`).id}><span className="visually-hidden">{title} span {i + 1} </span>closes</label>
                  <input {...describedBy(S, errors, `${at}.end`)} size={5} placeholder="17:00" value={span.end} onChange={(e) => set('end', e.target.value)} />
                  <button type="button" className="link" onClick={() => setSpans(day, spans.filter((_, j) => j !== i))}>Remove<span className="visually-hidden"> {title} span {i + 1}</span></button>
                  <FieldError scope={S} errors={errors} path={at} />
                  <FieldError scope={S} errors={errors} path={`${at}.start`} />
                  <FieldError scope={S} errors={errors} path={`${at}.end`} />
                </span>
              );
            })}
            <button type="button" onClick={() => setSpans(day, [...spans, spans.length === 0 ? { start: '09:00', end: '17:00' } : { start: '', end: '' }])}>
              Add span<span className="visually-hidden"> to {title}</span>
            </button>
            <FieldError scope={S} errors={errors} path={`weekly.${day}`} />
          </div>
        );
      })}
    </fieldset>
  );
}

/** One-off or yearly holidays, each closing the whole day or only some hours of it. */
function Holidays({ draft, errors, setDraft }: { draft: CalendarDraft; errors: FieldErrors; setDraft: SetDraft }) {
  const set = (i: number, next: Partial<HolidayDraft>) => setDraft((d) => ({ ...d, holidays: d.holidays.map((h, j) => (j === i ? { ...h, ...next } : h)) }));
  return (
    <fieldset>
      <legend>Holidays</legend>
      {draft.holidays.map((h, i) => {
        const at = `holidays[${i}]`;
        const n = `holiday ${i + 1}`;
        return (
          <div key={i} className="row" role="group" aria-label={`Holiday ${i + 1}`}>
            <label htmlFor={describedBy(S, errors, `${at}.date`).id}>Date<span className="visually-hidden"> of {n}</span></label>
            <input {...describedBy(S, errors, `${at}.date`)} type="date" value={h.date} onChange={(e) => set(i, { date: e.target.value })} />
            <label htmlFor={describedBy(S, errors, `${at}.name`).id}>Name<span className="visually-hidden"> of {n}</span></label>
            <input {...describedBy(S, errors, `${at}.name`)} value={h.name} onChange={(e) => set(i, { name: e.target.value })} />
            <label className="inline"><input type="checkbox" checked={h.recurring} onChange={(e) => set(i, { recurring: e.target.checked })} /> Every year<span className="visually-hidden"> ({n})</span></label>
            <label className="inline"><input type="checkbox" checked={h.wholeDay} onChange={(e) => set(i, { wholeDay: e.target.checked, closed: e.target.checked ? [] : h.closed.length ? h.closed : [{ start: '12:00', end: '24:00' }] })} /> Whole day<span className="visually-hidden"> ({n})</span></label>
            {!h.wholeDay && h.closed.map((r, k) => {
              const c = `${at}.closed[${k}]`;
              const setRange = (field: 'start' | 'end', value: string) => set(i, { closed: h.closed.map((x, j) => (j === k ? { ...x, [field]: value } : x)) });
              return (
                <span key={k} className="row">
                  <label htmlFor={describedBy(S, errors, `${c}.start`).id}>Closed from<span className="visually-hidden"> ({n}, span {k + 1})</span></label>
                  <input {...describedBy(S, errors, `${c}.start`)} size={5} value={r.start} onChange={(e) => setRange('start', e.target.value)} />
                  <label htmlFor={describedBy(S, errors, `${c}.end`).id}>to<span className="visually-hidden"> ({n}, span {k + 1})</span></label>
                  <input {...describedBy(S, errors, `${c}.end`)} size={5} value={r.end} onChange={(e) => setRange('end', e.target.value)} />
                  <FieldError scope={S} errors={errors} path={`${c}.start`} />
                  <FieldError scope={S} errors={errors} path={`${c}.end`} />
                </span>
              );
            })}
            <button type="button" className="link" onClick={() => setDraft((d) => ({ ...d, holidays: d.holidays.filter((_, j) => j !== i) }))}>Remove<span className="visually-hidden"> {n}</span></button>
            <FieldError scope={S} errors={errors} path={at} />
            <FieldError scope={S} errors={errors} path={`${at}.date`} />
            <FieldError scope={S} errors={errors} path={`${at}.closed`} />
          </div>
        );
      })}
      <button type="button" onClick={() => setDraft((d) => ({ ...d, holidays: [...d.holidays, { date: '', name: '', recurring: false, wholeDay: true, closed: [] }] }))}>Add holiday</button>
      <FieldError scope={S} errors={errors} path="holidays" />
    </fieldset>
  );
}

/** "N business hours from <instant>", answered by GET .../add for the saved calendar, 400 ms after the last keystroke. */
function BusinessTimePreview({ calendarId, timeZone, revision }: { calendarId: string; timeZone: string; revision: string }) {
  const key = useKey();
  const [hours, setHours] = useState('8');
  const [from, setFrom] = useState(() => localNow());
  const [answer, setAnswer] = useState<string>('');
  useEffect(() => {
    const seconds = Math.round(Number(hours) * 3600);
    const start = new Date(from);
    if (!Number.isFinite(seconds) || seconds < 0 || Number.isNaN(start.getTime())) {
      setAnswer('Give a number of hours and a start.');
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      addBusinessTime(key, calendarId, start.toISOString(), seconds).then(
        (r) => current && setAnswer(`${hours} business hours from ${formatInstant(start.toISOString(), timeZone)} end at ${formatInstant(r.result, timeZone)}`),
        (error: unknown) => {
          onApiError(error);
          if (current) {
            setAnswer((error as Error).message);
          }
        },
      );
    }, 400);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key, calendarId, timeZone, hours, from, revision]);
  return (
    <fieldset className="preview">
      <legend>Business time (saved calendar: the version in force at that instant)</legend>
      <div className="row">
        <label htmlFor="preview-hours">Business hours</label>
        <input id="preview-hours" type="number" min="0" step="0.25" value={hours} onChange={(e) => setHours(e.target.value)} />
        <label htmlFor="preview-from">from (your browser's time)</label>
        <input id="preview-from" type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
      </div>
      <p id="preview-answer" role="status">{answer}</p>
    </fieldset>
  );
}

function localNow(): string {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset(), 0, 0);
  return d.toISOString().slice(0, 16);
}
