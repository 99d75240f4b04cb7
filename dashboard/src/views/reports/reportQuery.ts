import type { Dimension, Interval } from '../../api/reports';

/** What the Reports page asks about: a range of whole days in a zone, the chart's period and grouping, and filters. */
export interface ReportFilters {
  /** First day, `YYYY-MM-DD`, from its midnight in `timeZone`. */
  fromDate: string;
  /** Last day, `YYYY-MM-DD`, included: the range ends at the next midnight. */
  toDate: string;
  timeZone: string;
  interval: Interval;
  /** What the attainment lines are per. */
  lineBy: 'queue' | 'milestone';
  queues: string[];
  milestones: string[];
  priorities: string[];
  processId: string;
}

/** The offset of `zone` from UTC at `utcMs`, in ms, from the zone's wall clock there (Intl has no direct API for it). */
function offsetMs(zone: string, utcMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(utcMs / 1000) * 1000;
}

/**
 * The instant a day starts in a zone (`2025-03-10` in America/New_York is 04:00Z, after the clocks went forward).
 * Two passes settle the offset across a DST change; a midnight that does not exist (zones that change at 00:00) becomes
 * the first instant after it.
 */
export function startOfDay(date: string, zone: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const wall = Date.UTC(y!, m! - 1, d!);
  let utc = wall - offsetMs(zone, wall);
  utc = wall - offsetMs(zone, utc);
  return new Date(utc).toISOString().replace('.000Z', 'Z');
}

/** `YYYY-MM-DD` of a day `days` after `date` (calendar arithmetic, no zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

/** Today's date in a zone, `YYYY-MM-DD`. */
export function today(zone: string, now = Date.now()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(now));
}

/** The last 7 days through today, by day, per queue: what a support manager opens the page for. */
export function defaultFilters(zone: string, now = Date.now()): ReportFilters {
  const to = today(zone, now);
  return { fromDate: addDays(to, -6), toDate: to, timeZone: zone, interval: 'day', lineBy: 'queue', queues: [], milestones: [], priorities: [], processId: '' };
}

/** `a, b ,,c` → `['a', 'b', 'c']`: the filter fields take comma-separated values. */
export function splitList(text: string): string[] {
  return text.split(',').map((v) => v.trim()).filter(Boolean);
}

/** The range and filters as the API's parameters, shared by the compliance report, the facts and the CSV. */
export function filterQuery(f: ReportFilters): URLSearchParams {
  const q = new URLSearchParams();
  q.set('from', startOfDay(f.fromDate, f.timeZone));
  q.set('to', startOfDay(addDays(f.toDate, 1), f.timeZone));
  f.queues.forEach((v) => q.append('queue', v));
  f.milestones.forEach((v) => q.append('milestone', v));
  f.priorities.forEach((v) => q.append('priority', v));
  if (f.processId) {
    q.set('processId', f.processId);
  }
  return q;
}

/** GET /reports/compliance's query: the filters, grouping, period and zone. */
export function complianceQuery(f: ReportFilters, groupBy: Dimension[], interval: Interval): string {
  const q = filterQuery(f);
  if (groupBy.length > 0) {
    q.set('groupBy', groupBy.join(','));
  }
  q.set('interval', interval);
  q.set('timeZone', f.timeZone);
  return q.toString();
}

/** The three reports the page shows: attainment over time, breaches by milestone and queue, and the totals with them. */
export function pageQueries(f: ReportFilters): { lines: string; bars: string } {
  return {
    lines: complianceQuery(f, [f.lineBy], f.interval),
    bars: complianceQuery(f, ['milestone', 'queue'], 'none'),
  };
}

/**
 * Every period start of the range as the API counts them (the first at the interval's boundary at or before the
 * range's start, in the zone), so the chart's axis shows periods without facts as gaps. Hours are left to the
 * answer's rows: a long range holds thousands.
 */
export function periodStarts(f: Pick<ReportFilters, 'fromDate' | 'toDate' | 'timeZone' | 'interval'>): string[] {
  if (f.interval === 'none' || f.interval === 'hour') {
    return [];
  }
  let day = f.fromDate;
  if (f.interval === 'week') {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 is Sunday; weeks start on Monday
    day = addDays(day, -((weekday + 6) % 7));
  } else if (f.interval === 'month') {
    day = `${day.slice(0, 8)}01`;
  }
  const starts: string[] = [];
  while (day <= f.toDate && starts.length < 1000) {
    starts.push(startOfDay(day, f.timeZone));
    if (f.interval === 'month') {
      const [y, m] = day.split('-').map(Number);
      day = new Date(Date.UTC(y!, m!, 1)).toISOString().slice(0, 10);
    } else {
      day = addDays(day, f.interval === 'week' ? 7 : 1);
    }
  }
  return starts;
}
