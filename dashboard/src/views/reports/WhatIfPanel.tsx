import { useEffect, useMemo, useState } from 'react';
import { processes as listProcesses, whatIf, type ProcessRead, type WhatIfReport } from '../../api/reports';
import { onApiError } from '../../state/session';
import { useSla } from '../../state/store';
import { breaches } from './chartData';
import { filterQuery, type ReportFilters } from './reportQuery';
import { percent } from './reportFormat';
import { compare, draftOf, targetsOf, type Target } from './whatIf';

/**
 * What-if: a process's targets with editable minutes, replayed over the page's range and filters (POST
 * /reports/what-if), and actual against draft per group of the page's line grouping.
 */
export function WhatIfPanel({ filters }: { filters: ReportFilters }) {
  const key = useSla((s) => s.key)!;
  const [all, setAll] = useState<ProcessRead[]>([]);
  const [processId, setProcessId] = useState('');
  const [targets, setTargets] = useState<Target[]>([]);
  const [answer, setAnswer] = useState<WhatIfReport | null>(null);
  const [state, setState] = useState<string | null>(null);

  useEffect(() => {
    listProcesses(key).then((list) => {
      setAll(list);
      setProcessId((current) => current || filters.processId || list[0]?.processId || '');
    }, (e: unknown) => {
      onApiError(e);
      setState(`Listing the processes failed: ${(e as Error).message}`);
    });
  }, [key, filters.processId]);

  const process = useMemo(() => all.find((p) => p.processId === processId), [all, processId]);
  useEffect(() => {
    setTargets(process ? targetsOf(process) : []);
    setAnswer(null);
  }, [process]);

  const run = async () => {
    if (!process) {
      return;
    }
    setState('Replaying the cases…');
    setAnswer(null);
    const q = filterQuery(filters);
    try {
      setAnswer(await whatIf(key, {
        process: draftOf(process, targets), processId: process.processId,
        from: q.get('from'), to: q.get('to'), groupBy: [filters.lineBy], interval: 'none', timeZone: filters.timeZone,
        queue: filters.queues, milestone: filters.milestones, priority: filters.priorities,
      }));
      setState(null);
    } catch (e) {
      onApiError(e);
      setState(`The what-if failed: ${(e as Error).message}`);
    }
  };

  const edit = (index: number, minutes: number) => setTargets((t) => t.map((x, i) => (i === index ? { ...x, minutes } : x)));

  return (
    <section className="report-panel whatif" aria-labelledby="whatif-title">
      <h3 id="whatif-title">What-if: replay this range under changed targets</h3>
      <form onSubmit={(e) => { e.preventDefault(); void run(); }}>
        <div className="field">
          <label htmlFor="whatif-process">Process</label>
          <select id="whatif-process" value={processId} onChange={(e) => setProcessId(e.target.value)}>
            {all.map((p) => <option key={p.processId} value={p.processId}>{p.name} ({p.processId}, version {p.version})</option>)}
          </select>
        </div>
        {targets.length > 0 && (
          <table className="targets">
            <caption className="visually-hidden">Targets of {process?.name}</caption>
            <thead><tr><th scope="col">Milestone</th><th scope="col">Priority</th><th scope="col">Minutes</th></tr></thead>
            <tbody>
              {targets.map((t, i) => {
                const id = `target-${i}`;
                return (
                  <tr key={`${t.milestone}/${t.priority ?? ''}`}>
                    <td>{t.milestone}</td>
                    <td>{t.priority ?? 'any other'}</td>
                    <td>
                      <label className="visually-hidden" htmlFor={id}>{`Minutes for ${t.milestone}, ${t.priority ?? 'any other priority'}`}</label>
                      <input id={id} type="number" min={1} required value={t.minutes} onChange={(e) => edit(i, Number(e.target.value))} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <button type="submit" disabled={!process}>Run what-if</button>
        <span role="status">{state}</span>
      </form>
      {answer && <Comparison answer={answer} by={filters.lineBy} />}
    </section>
  );
}

function Comparison({ answer, by }: { answer: WhatIfReport; by: string }) {
  const rows = compare(answer.actual, answer.draft);
  return (
    <>
      <p className="meta" role="status">{answer.cases} cases replayed.</p>
      <table className="comparison">
        <caption className="visually-hidden">Actual and draft figures per {by}</caption>
        <thead>
          <tr>
            <th scope="col">{by.charAt(0).toUpperCase() + by.slice(1)}</th>
            <th scope="col">Actual attainment</th><th scope="col">Draft attainment</th>
            <th scope="col">Actual breaches</th><th scope="col">Draft breaches</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.group} data-group={r.group}>
              <th scope="row">{r.group}</th>
              <td className="num" data-side="actual">{percent(r.actual?.attainmentPercent ?? null)}</td>
              <td className="num" data-side="draft">{percent(r.draft?.attainmentPercent ?? null)}</td>
              <td className="num">{r.actual ? breaches(r.actual) : 0}</td>
              <td className="num">{r.draft ? breaches(r.draft) : 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
