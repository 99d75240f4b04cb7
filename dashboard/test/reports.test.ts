import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ComplianceReport, ComplianceRow, Figures, MilestoneFact, ProcessRead } from '../src/api/reports';
import { attainmentSeries, breachBars, describeChart, mostOverdue } from '../src/views/reports/chartData';
import { pollWhileVisible } from '../src/views/reports/LivePoll';
import { complianceQuery, defaultFilters, filterQuery, pageQueries, periodStarts, splitList, startOfDay, type ReportFilters } from '../src/views/reports/reportQuery';
import { compare, draftOf, targetsOf } from '../src/views/reports/whatIf';

const filters: ReportFilters = {
  fromDate: '2025-03-03', toDate: '2025-03-09', timeZone: 'America/New_York', interval: 'week', lineBy: 'queue',
  queues: ['Tier 1', 'Tier 2'], milestones: ['First Response'], priorities: [], processId: 'gold',
};

describe('report queries', () => {
  it('turns days in a zone into the instants their midnights are, across a DST change', () => {
    expect(startOfDay('2025-03-03', 'America/New_York')).toBe('2025-03-03T05:00:00Z');
    expect(startOfDay('2025-03-10', 'America/New_York')).toBe('2025-03-10T04:00:00Z'); // clocks went forward on the 9th
    expect(startOfDay('2025-10-27', 'Europe/London')).toBe('2025-10-27T00:00:00Z');
    expect(startOfDay('2025-07-01', 'Asia/Kolkata')).toBe('2025-06-30T18:30:00Z');
  });

  it('asks for the range through the last day, with every filter repeated and the zone', () => {
    expect(complianceQuery(filters, ['queue'], 'week')).toBe(
      'from=2025-03-03T05%3A00%3A00Z&to=2025-03-10T04%3A00%3A00Z&queue=Tier+1&queue=Tier+2&milestone=First+Response'
      + '&processId=gold&groupBy=queue&interval=week&timeZone=America%2FNew_York');
  });

  it('gives the CSV and facts the same filters without the report-only parameters', () => {
    const q = filterQuery({ ...filters, queues: [], processId: '', priorities: ['High'] });
    expect([...q.keys()]).toEqual(['from', 'to', 'milestone', 'priority']);
    expect(q.get('priority')).toBe('High');
  });

  it('groups the lines by the chosen dimension and the bars by milestone and queue without periods', () => {
    const q = pageQueries({ ...filters, lineBy: 'milestone', interval: 'day' });
    expect(new URLSearchParams(q.lines).get('groupBy')).toBe('milestone');
    expect(new URLSearchParams(q.lines).get('interval')).toBe('day');
    expect(new URLSearchParams(q.bars).get('groupBy')).toBe('milestone,queue');
    expect(new URLSearchParams(q.bars).get('interval')).toBe('none');
  });

  it('opens on the last seven days through today in the zone', () => {
    const f = defaultFilters('Pacific/Auckland', Date.parse('2025-03-03T12:00:00Z')); // already the 4th there
    expect([f.fromDate, f.toDate, f.interval, f.lineBy]).toEqual(['2025-02-26', '2025-03-04', 'day', 'queue']);
  });

  it('lists the range\'s periods as the API starts them: days, Mondays, firsts of the month, in the zone', () => {
    const range = { fromDate: '2025-03-07', toDate: '2025-03-11', timeZone: 'America/New_York' };
    expect(periodStarts({ ...range, interval: 'day' })).toEqual(
      ['2025-03-07T05:00:00Z', '2025-03-08T05:00:00Z', '2025-03-09T05:00:00Z', '2025-03-10T04:00:00Z', '2025-03-11T04:00:00Z']);
    expect(periodStarts({ ...range, interval: 'week' })).toEqual(['2025-03-03T05:00:00Z', '2025-03-10T04:00:00Z']);
    expect(periodStarts({ ...range, toDate: '2025-05-02', interval: 'month' })).toEqual(['2025-03-01T05:00:00Z', '2025-04-01T04:00:00Z', '2025-05-01T04:00:00Z']);
    expect(periodStarts({ ...range, interval: 'hour' })).toEqual([]);
  });

  it('reads comma-separated filter values', () => {
    expect(splitList(' Tier 1, ,Tier 2 ,')).toEqual(['Tier 1', 'Tier 2']);
  });
});

const zero: Figures = { met: 0, metLate: 0, violated: 0, open: 0, canceled: 0, attainmentPercent: null, medianSecondsToComplete: null, p90SecondsToComplete: null, overdueSecondsTotal: 0, overdueSecondsMean: null };
const row = (group: Record<string, string | null>, periodStart: string, f: Partial<Figures>): ComplianceRow => ({ ...zero, ...f, group, periodStart });
const report = (groupBy: ComplianceReport['groupBy'], rows: ComplianceRow[], totals: Partial<Figures> = {}): ComplianceReport => ({
  from: '2025-03-03T05:00:00Z', to: '2025-03-17T04:00:00Z', interval: 'week', timeZone: 'America/New_York', groupBy, rows, totals: { ...zero, ...totals },
});

describe('chart series', () => {
  it('makes a line per queue over the periods, with a gap where a queue decided nothing', () => {
    const data = attainmentSeries(report(['queue'], [
      row({ queue: 'Tier 1' }, '2025-03-03T05:00:00Z', { met: 2, metLate: 1, attainmentPercent: 66.67 }),
      row({ queue: 'Tier 2' }, '2025-03-03T05:00:00Z', { open: 3, attainmentPercent: null }),
      row({ queue: 'Tier 1' }, '2025-03-10T04:00:00Z', { met: 1, attainmentPercent: 100 }),
      row({ queue: null }, '2025-03-10T04:00:00Z', { violated: 1, attainmentPercent: 0 }),
    ]));
    expect(data.labels).toEqual(['3 Mar 2025', '10 Mar 2025']); // the week starts in New York, not in UTC
    expect(data.series).toEqual([
      { label: '(none)', values: [null, 0] },
      { label: 'Tier 1', values: [66.67, 100] },
      { label: 'Tier 2', values: [null, null] },
    ]);
    const padded = attainmentSeries(report(['queue'], [row({ queue: 'Tier 1' }, '2025-03-10T04:00:00Z', { met: 1, attainmentPercent: 100 })]),
      ['2025-03-03T05:00:00Z', '2025-03-10T04:00:00Z']);
    expect(padded).toEqual({ labels: ['3 Mar 2025', '10 Mar 2025'], series: [{ label: 'Tier 1', values: [null, 100] }] });
    expect(describeChart(data, 'Attainment per queue', '%')).toBe(
      'Attainment per queue over 2 points. (none): 0%; Tier 1: from 66.67% to 100%, lowest 66.67%; Tier 2: none.');
  });

  it('counts met late and violated as breaches, per milestone with bars per queue', () => {
    const data = breachBars(report(['milestone', 'queue'], [
      row({ milestone: 'First Response', queue: 'Tier 1' }, '2025-03-03T05:00:00Z', { met: 5, metLate: 2, violated: 1 }),
      row({ milestone: 'First Response', queue: 'Tier 2' }, '2025-03-03T05:00:00Z', { violated: 4, canceled: 3 }),
      row({ milestone: 'Resolution', queue: 'Tier 1' }, '2025-03-03T05:00:00Z', { met: 1, open: 6 }),
    ]));
    expect(data.labels).toEqual(['First Response', 'Resolution']);
    expect(data.series).toEqual([{ label: 'Tier 1', values: [3, 0] }, { label: 'Tier 2', values: [4, 0] }]);
  });

  it('lists open milestones past their target, the longest overdue first', () => {
    const fact = (caseId: string, status: MilestoneFact['status'], targetAt: string, completedAt: string | null = null): MilestoneFact => ({
      caseId, milestoneId: 'first-response#1', milestone: 'First Response', instance: 1, processId: 'gold', processVersion: 1,
      entitlementId: null, accountId: null, queue: 'Tier 1', priority: 'High', owner: null, calendarId: null, status,
      startedAt: '2025-03-03T09:00:00Z', targetAt, completedAt, violatedAt: targetAt, secondsToComplete: null, pausedSeconds: 0,
      overdueSeconds: 0, caseVersion: 3,
    });
    const picked = mostOverdue([
      fact('a', 'Violated', '2025-03-03T12:00:00Z'),
      fact('b', 'MetLate', '2025-03-03T09:30:00Z', '2025-03-03T10:00:00Z'),
      fact('c', 'Violated', '2025-03-03T10:00:00Z'),
      fact('d', 'Open', '2025-03-03T08:00:00Z'),
      fact('e', 'Violated', '2025-03-03T11:00:00Z'),
    ], 2);
    expect(picked.map((f) => f.caseId)).toEqual(['c', 'e']);
  });
});

const process: ProcessRead = {
  processId: 'gold', version: 3, createdAt: '2025-01-01T00:00:00Z', name: 'Gold', calendarId: 'us-east',
  milestones: [
    { name: 'First Response', minutes: 240, minutesByPriority: { High: 120, Urgent: 60 }, completedBy: ['agentReplied'] },
    { name: 'Resolution', minutes: 1440, criteria: { priority: ['High'] } },
  ],
};

describe('what-if', () => {
  it('lists each milestone\'s default target, then its targets per priority', () => {
    expect(targetsOf(process)).toEqual([
      { milestone: 'First Response', priority: null, minutes: 240 },
      { milestone: 'First Response', priority: 'High', minutes: 120 },
      { milestone: 'First Response', priority: 'Urgent', minutes: 60 },
      { milestone: 'Resolution', priority: null, minutes: 1440 },
    ]);
  });

  it('builds the draft from the edited minutes, keeping the rest of the definition and dropping what reads add', () => {
    const targets = targetsOf(process).map((t) => (t.priority === 'High' ? { ...t, minutes: 30 } : t.milestone === 'Resolution' ? { ...t, minutes: 480 } : t));
    expect(draftOf(process, targets)).toEqual({
      name: 'Gold', calendarId: 'us-east',
      milestones: [
        { name: 'First Response', minutes: 240, minutesByPriority: { High: 30, Urgent: 60 }, completedBy: ['agentReplied'] },
        { name: 'Resolution', minutes: 480, criteria: { priority: ['High'] } },
      ],
    });
  });

  it('puts actual and draft side by side per group, with groups only one side has, then the totals', () => {
    const actual = report(['queue'], [row({ queue: 'Tier 1' }, '2025-03-03T05:00:00Z', { met: 4, attainmentPercent: 100 })], { met: 4, attainmentPercent: 100 });
    const draft = report(['queue'], [
      row({ queue: 'Tier 1' }, '2025-03-03T05:00:00Z', { met: 1, metLate: 3, attainmentPercent: 25 }),
      row({ queue: 'Tier 2' }, '2025-03-03T05:00:00Z', { canceled: 1 }),
    ], { met: 1, metLate: 3, attainmentPercent: 25 });
    const rows = compare(actual, draft);
    expect(rows.map((r) => [r.group, r.actual?.attainmentPercent, r.draft?.attainmentPercent])).toEqual([
      ['Tier 1', 100, 25], ['Tier 2', undefined, null], ['Total', 100, 25],
    ]);
  });
});

describe('live polling', () => {
  afterEach(() => vi.useRealTimers());

  it('reads every second while visible, stops while hidden, reads at once when shown, and stops when stopped', async () => {
    vi.useFakeTimers();
    let visibility: DocumentVisibilityState = 'visible';
    const doc = new EventTarget() as Document;
    Object.defineProperty(doc, 'visibilityState', { get: () => visibility });
    const answers = [false, true, false];
    const read = vi.fn(async () => answers.shift() ?? false);
    const changed = vi.fn();
    const stop = pollWhileVisible(read, changed, 1000, doc);

    await vi.advanceTimersByTimeAsync(999);
    expect(read).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(2001);
    expect(read).toHaveBeenCalledTimes(3);
    expect(changed).toHaveBeenCalledTimes(1); // only the answer that was not a 304

    visibility = 'hidden';
    await vi.advanceTimersByTimeAsync(5000);
    expect(read).toHaveBeenCalledTimes(3); // a hidden tab sends nothing
    visibility = 'visible';
    doc.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    expect(read).toHaveBeenCalledTimes(4);
    await vi.advanceTimersByTimeAsync(1000);
    expect(read).toHaveBeenCalledTimes(5);

    stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(read).toHaveBeenCalledTimes(5);
  });
});
