import type { ComplianceReport, Figures, ProcessDefinition, ProcessRead } from '../../api/reports';

/** One editable target: a milestone's default minutes (`priority` null) or its minutes for one priority. */
export interface Target {
  milestone: string;
  priority: string | null;
  minutes: number;
}

const key = (milestone: string, priority: string | null) => `${milestone}\n${priority ?? ''}`;

/** Every target of a process, milestone by milestone: the default first, then each priority's, as defined. */
export function targetsOf(process: ProcessDefinition): Target[] {
  return process.milestones.flatMap((m) => [
    { milestone: m.name, priority: null, minutes: m.minutes ?? 0 },
    ...Object.entries(m.minutesByPriority ?? {}).map(([priority, minutes]) => ({ milestone: m.name, priority, minutes })),
  ]);
}

/**
 * The draft to replay under: the process as read, without the fields a read adds (id, version, creation time, which PUT
 * does not take), and with the edited targets' minutes. Everything else stays as defined, so only the targets differ.
 */
export function draftOf(process: ProcessRead, targets: Target[]): ProcessDefinition {
  const { processId: _id, version: _version, createdAt: _created, ...definition } = process;
  const edited = new Map(targets.map((t) => [key(t.milestone, t.priority), t.minutes]));
  return {
    ...definition,
    milestones: process.milestones.map((m) => {
      const byPriority = m.minutesByPriority
        ? Object.fromEntries(Object.entries(m.minutesByPriority).map(([p, minutes]) => [p, edited.get(key(m.name, p)) ?? minutes]))
        : m.minutesByPriority;
      return { ...m, minutes: edited.get(key(m.name, null)) ?? m.minutes, ...(byPriority !== undefined ? { minutesByPriority: byPriority } : {}) };
    }),
  };
}

/** One group of the comparison: its name, and the actual and draft figures (null where one side has no facts). */
export interface Comparison {
  group: string;
  actual: Figures | null;
  draft: Figures | null;
}

/** Actual and draft side by side per group (the reports have no periods: interval none), then the totals. */
export function compare(actual: ComplianceReport, draft: ComplianceReport): Comparison[] {
  const dimension = actual.groupBy[0] ?? '';
  const name = (group: Record<string, string | null>) => (dimension ? group[dimension] ?? '(none)' : 'All');
  const groups = new Map<string, Comparison>();
  for (const [side, report] of [['actual', actual], ['draft', draft]] as const) {
    for (const row of report.rows) {
      const g = name(row.group);
      const entry = groups.get(g) ?? { group: g, actual: null, draft: null };
      entry[side] = row;
      groups.set(g, entry);
    }
  }
  return [...[...groups.values()].sort((a, b) => a.group.localeCompare(b.group)), { group: 'Total', actual: actual.totals, draft: draft.totals }];
}
