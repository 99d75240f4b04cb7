import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { compliance, factPage, factsCsv, type ComplianceReport, type Figures, type Interval, type MilestoneFact } from '../../api/reports';
import { formatInstant, zones } from '../../format/time';
import { onApiError } from '../../state/session';
import { useSla } from '../../state/store';
import { attainmentSeries, breachBars, breaches, describeChart, mostOverdue, type ChartData } from './chartData';
import { pollWhileVisible } from './LivePoll';
import { ReportChart } from './ReportChart';
import { defaultFilters, filterQuery, pageQueries, periodStarts, splitList, type ReportFilters } from './reportQuery';
import { duration, percent } from './reportFormat';
import { WhatIfPanel } from './WhatIfPanel';

const ALL_ZONES = zones();
const FACT_PAGES = 10; // the overdue table reads at most 10,000 facts of the range
const OVERDUE_ROWS = 20;

interface Loaded {
  lines: ComplianceReport;
  bars: ComplianceReport;
  overdue: MilestoneFact[];
  /** Facts the overdue table did not read, past its limit. */
  more: boolean;
}

async function overdueFacts(key: string, query: string): Promise<{ overdue: MilestoneFact[]; more: boolean }> {
  const facts: MilestoneFact[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await factPage(key, query, cursor, 1000);
    facts.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && ++pages < FACT_PAGES);
  return { overdue: mostOverdue(facts, OVERDUE_ROWS), more: cursor !== null };
}

/** The Reports page: attainment over time, breaches, the most overdue open milestones, CSV, and what-if. */
export function Reports() {
  const key = useSla((s) => s.key)!;
  const zone = useSla((s) => s.zone);
  const [filters, setFilters] = useState<ReportFilters>(() => defaultFilters(zone));
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);
  const etag = useRef<string | null>(null);
  const queries = useMemo(() => pageQueries(filters), [filters]);
  const facts = useMemo(() => filterQuery(filters).toString(), [filters]);
  const periods = useMemo(() => periodStarts(filters), [filters]);

  useEffect(() => {
    // Answers of an earlier filter that arrive late are dropped: `current` is false once the filters change.
    let current = true;
    etag.current = null;
    const fail = (e: unknown) => {
      onApiError(e);
      if (current) {
        setError((e as Error).message);
        setLoaded(null); // the figures of the previous filters would read as this question's answer
      }
    };
    // The line report's ETag is the store's change stamp: when it changes, every figure on the page may have.
    const read = async () => {
      const fresh = await compliance(key, queries.lines, etag.current);
      if (!fresh || !current) {
        return false;
      }
      const [bars, overdue] = await Promise.all([compliance(key, queries.bars, null), overdueFacts(key, facts)]);
      if (!current) {
        return false;
      }
      etag.current = fresh.etag;
      setLoaded({ lines: fresh.body, bars: bars!.body, ...overdue });
      setUpdatedAt(Date.now());
      setError(null);
      return true;
    };
    read().catch(fail);
    const stop = pollWhileVisible(read, () => undefined);
    return () => {
      current = false;
      stop();
    };
  }, [key, queries, facts]);

  return (
    <section className="reports" aria-labelledby="reports-title">
      <div className="board-head">
        <h2 id="reports-title">Reports</h2>
        <p className="meta" aria-live="polite">{updatedAt ? `Live: updated ${formatInstant(new Date(updatedAt).toISOString(), filters.timeZone)}` : 'Loading…'}</p>
      </div>
      <FilterForm filters={filters} onApply={setFilters} />
      {error && <p className="error" role="alert">{error}</p>}
      {loaded && (
        <>
          <Totals figures={loaded.lines.totals} />
          <CsvDownload query={facts} filters={filters} />
          <Attainment report={loaded.lines} periods={periods} />
          <Breaches report={loaded.bars} />
          <Overdue facts={loaded.overdue} more={loaded.more} zone={filters.timeZone} />
        </>
      )}
      <WhatIfPanel filters={filters} />
    </section>
  );
}

function FilterForm({ filters, onApply }: { filters: ReportFilters; onApply: (f: ReportFilters) => void }) {
  const [draft, setDraft] = useState(filters);
  const [lists, setLists] = useState({ queues: filters.queues.join(', '), milestones: filters.milestones.join(', '), priorities: filters.priorities.join(', ') });
  const set = (next: Partial<ReportFilters>) => setDraft((d) => ({ ...d, ...next }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply({ ...draft, queues: splitList(lists.queues), milestones: splitList(lists.milestones), priorities: splitList(lists.priorities) });
  };
  const text = (id: keyof typeof lists, label: string) => (
    <div className="field">
      <label htmlFor={`report-${id}`}>{label}</label>
      <input id={`report-${id}`} value={lists[id]} placeholder="all" onChange={(e) => setLists((l) => ({ ...l, [id]: e.target.value }))} />
    </div>
  );
  return (
    <form className="report-filters" aria-label="Report filters" onSubmit={submit}>
      <div className="field">
        <label htmlFor="report-from">From</label>
        <input id="report-from" type="date" required value={draft.fromDate} onChange={(e) => set({ fromDate: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor="report-to">To (included)</label>
        <input id="report-to" type="date" required value={draft.toDate} onChange={(e) => set({ toDate: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor="report-zone">Report time zone</label>
        <select id="report-zone" value={draft.timeZone} onChange={(e) => set({ timeZone: e.target.value })}>
          {(ALL_ZONES.includes(draft.timeZone) ? ALL_ZONES : [draft.timeZone, ...ALL_ZONES]).map((z) => <option key={z}>{z}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="report-interval">Period</label>
        <select id="report-interval" value={draft.interval} onChange={(e) => set({ interval: e.target.value as Interval })}>
          <option value="hour">Hour</option>
          <option value="day">Day</option>
          <option value="week">Week</option>
          <option value="month">Month</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="report-lineby">Lines per</label>
        <select id="report-lineby" value={draft.lineBy} onChange={(e) => set({ lineBy: e.target.value as ReportFilters['lineBy'] })}>
          <option value="queue">Queue</option>
          <option value="milestone">Milestone</option>
        </select>
      </div>
      {text('queues', 'Queues')}
      {text('milestones', 'Milestones')}
      {text('priorities', 'Priorities')}
      <div className="field">
        <label htmlFor="report-process">Process id</label>
        <input id="report-process" value={draft.processId} placeholder="all" onChange={(e) => set({ processId: e.target.value.trim() })} />
      </div>
      <button type="submit">Apply</button>
    </form>
  );
}

function Totals({ figures }: { figures: Figures }) {
  const tiles: [string, string, string][] = [
    ['attainment', percent(figures.attainmentPercent), 'green'],
    ['met', String(figures.met), 'green'],
    ['met late', String(figures.metLate), 'late'],
    ['violated', String(figures.violated), 'red'],
    ['open', String(figures.open), 'neutral'],
    ['canceled', String(figures.canceled), 'neutral'],
    ['median to complete', duration(figures.medianSecondsToComplete), 'neutral'],
  ];
  return (
    <dl className="summary" aria-label="Report totals">
      {tiles.map(([label, value, tone]) => (
        <div className="figure" data-tone={tone} key={label} data-figure={label}>
          <dt className="label">{label}</dt>
          <dd className="value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function CsvDownload({ query, filters }: { query: string; filters: ReportFilters }) {
  const key = useSla((s) => s.key)!;
  const [state, setState] = useState<string | null>(null);
  const download = async () => {
    setState('Preparing the CSV…');
    try {
      const blob = await factsCsv(key, query);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `milestones-${filters.fromDate}-to-${filters.toDate}.csv`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState(null);
    } catch (e) {
      onApiError(e);
      setState(`The CSV failed: ${(e as Error).message}`);
    }
  };
  return (
    <div className="count">
      <button type="button" onClick={() => void download()}>Download CSV</button>
      <span role="status">{state}</span>
    </div>
  );
}

function DataTable({ data, caption, format }: { data: ChartData; caption: string; format: (v: number | null) => string }) {
  return (
    <details className="chart-table">
      <summary>{caption} as a table</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">{data.series.length > 0 ? 'Series' : ''}</th>
            {data.labels.map((l) => <th scope="col" key={l}>{l}</th>)}
          </tr>
        </thead>
        <tbody>
          {data.series.map((s) => (
            <tr key={s.label}>
              <th scope="row">{s.label}</th>
              {s.values.map((v, i) => <td className="num" key={data.labels[i]}>{format(v)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function Attainment({ report, periods }: { report: ComplianceReport; periods: string[] }) {
  const data = useMemo(() => attainmentSeries(report, periods), [report, periods]);
  const what = `Attainment per ${report.groupBy[0] ?? 'period'}`;
  return (
    <section className="report-panel" aria-labelledby="attainment-title">
      <h3 id="attainment-title">{what}</h3>
      <ReportChart kind="line" data={data} label={describeChart(data, what, '%')} yTitle="attainment %" max={100} />
      <DataTable data={data} caption={what} format={percent} />
    </section>
  );
}

function Breaches({ report }: { report: ComplianceReport }) {
  const data = useMemo(() => breachBars(report), [report]);
  const total = breaches(report.totals);
  return (
    <section className="report-panel" aria-labelledby="breaches-title">
      <h3 id="breaches-title">Breaches by milestone and queue</h3>
      <p className="meta">Met late and violated: {total}</p>
      <ReportChart kind="bar" data={data} label={describeChart(data, 'Breaches by milestone, per queue', '')} yTitle="breaches" />
      <DataTable data={data} caption="Breaches by milestone and queue" format={(v) => String(v ?? 0)} />
    </section>
  );
}

function Overdue({ facts, more, zone }: { facts: MilestoneFact[]; more: boolean; zone: string }) {
  const now = useSla((s) => Math.floor(s.now / 60_000) * 60_000);
  return (
    <section className="report-panel" aria-labelledby="overdue-title">
      <h3 id="overdue-title">Most overdue open milestones</h3>
      {more && <p className="meta">Of the first 10,000 milestones of the range: narrow the filters to see all.</p>}
      {facts.length === 0 ? <p className="empty">No open milestone is past its target.</p> : (
        <table className="overdue">
          <thead>
            <tr>
              <th scope="col">Case</th><th scope="col">Milestone</th><th scope="col">Queue</th><th scope="col">Priority</th>
              <th scope="col">Owner</th><th scope="col">Target</th><th scope="col">Overdue</th>
            </tr>
          </thead>
          <tbody>
            {facts.map((f) => (
              <tr key={`${f.caseId}/${f.milestoneId}`} data-case-id={f.caseId}>
                <td><Link className="case-link" to={`/case/${encodeURIComponent(f.caseId)}`}>{f.caseId}</Link></td>
                <td>{f.milestone}</td>
                <td>{f.queue ?? '—'}</td>
                <td>{f.priority ?? '—'}</td>
                <td>{f.owner ?? '—'}</td>
                <td>{formatInstant(f.targetAt, zone)}</td>
                <td className="num">{duration(Math.max(0, (now - Date.parse(f.targetAt!)) / 1000))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
