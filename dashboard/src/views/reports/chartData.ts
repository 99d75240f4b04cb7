import type { ComplianceReport, ComplianceRow, FactStatus, Figures, MilestoneFact } from '../../api/reports';

/** One line or one set of bars: its label and a value per label of the chart (null where the group had no facts). */
export interface Series {
  label: string;
  values: (number | null)[];
}

export interface ChartData {
  labels: string[];
  series: Series[];
}

const NONE = '(none)';

function groupValue(row: ComplianceRow, dimension: string): string {
  return row.group[dimension] ?? NONE;
}

/** A period start as the axis shows it, in the report's zone: a date, with the time for hourly periods. */
export function periodLabel(periodStart: string, report: Pick<ComplianceReport, 'interval' | 'timeZone'>): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: report.timeZone, day: 'numeric', month: 'short', year: 'numeric',
    ...(report.interval === 'hour' ? { hour: '2-digit', minute: '2-digit' } : {}),
  }).format(new Date(periodStart));
}

/**
 * Attainment per period (those of the rows, and `allPeriods` of the range), a line per group of the report's first dimension. A period where a group decided nothing
 * (all open or canceled) or had no facts is a gap (null), not 0: nothing was missed there.
 */
export function attainmentSeries(report: ComplianceReport, allPeriods: string[] = []): ChartData {
  const dimension = report.groupBy[0] ?? '';
  const periods = [...new Set([...allPeriods, ...report.rows.map((r) => r.periodStart)])].sort();
  const groups = [...new Set(report.rows.map((r) => groupValue(r, dimension)))].sort();
  const at = new Map(report.rows.map((r) => [`${r.periodStart}\n${groupValue(r, dimension)}`, r.attainmentPercent]));
  return {
    labels: periods.map((p) => periodLabel(p, report)),
    series: groups.map((g) => ({ label: g, values: periods.map((p) => at.get(`${p}\n${g}`) ?? null) })),
  };
}

/** Missed targets: met late and violated instances (docs/semantics.md, "Reports": met late is a breach). */
export function breaches(f: Figures): number {
  return f.metLate + f.violated;
}

/** Breaches per milestone (the labels), a set of bars per queue; from a report grouped by milestone and queue. */
export function breachBars(report: ComplianceReport): ChartData {
  const [first = 'milestone', second = 'queue'] = report.groupBy;
  const milestones = [...new Set(report.rows.map((r) => groupValue(r, first)))].sort();
  const queues = [...new Set(report.rows.map((r) => groupValue(r, second)))].sort();
  const count = new Map<string, number>();
  for (const r of report.rows) {
    const k = `${groupValue(r, first)}\n${groupValue(r, second)}`;
    count.set(k, (count.get(k) ?? 0) + breaches(r));
  }
  return {
    labels: milestones,
    series: queues.map((q) => ({ label: q, values: milestones.map((m) => count.get(`${m}\n${q}`) ?? 0) })),
  };
}

/** A chart in one sentence, for its aria-label; the table under it has every value. */
export function describeChart(data: ChartData, what: string, unit: string): string {
  if (data.series.length === 0) {
    return `${what}: no data in this range.`;
  }
  const parts = data.series.map((s) => {
    const known = s.values.filter((v): v is number => v !== null);
    if (known.length === 0) {
      return `${s.label}: none`;
    }
    return `${s.label}: ${known.length === 1 ? `${known[0]}${unit}` : `from ${known[0]}${unit} to ${known[known.length - 1]}${unit}, lowest ${Math.min(...known)}${unit}`}`;
  });
  return `${what} over ${data.labels.length} ${data.labels.length === 1 ? 'point' : 'points'}. ${parts.join('; ')}.`;
}

/** Milestones past their target and not completed: status Violated without a completion. */
export function isOverdueOpen(fact: MilestoneFact): boolean {
  return fact.status === ('Violated' satisfies FactStatus) && fact.completedAt === null && fact.targetAt !== null;
}

/**
 * The most overdue open milestones first. Sorted by how long ago the target passed: the stored `overdueSeconds` of an
 * open breach is as of the case's last change (docs/semantics.md), so it would rank a quiet case too low.
 */
export function mostOverdue(facts: MilestoneFact[], max: number): MilestoneFact[] {
  return facts.filter(isOverdueOpen).sort((a, b) => Date.parse(a.targetAt!) - Date.parse(b.targetAt!) || a.caseId.localeCompare(b.caseId)).slice(0, max);
}
