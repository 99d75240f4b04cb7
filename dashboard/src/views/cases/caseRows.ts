import type { CaseSnapshot, Milestone } from '../../api/model';
import type { Held } from '../../live/CaseStore';
import { countdown } from '../../live/countdown';
import { friendly } from '../../format/labels';

/** A milestone's state as the board filters and shows it: words, so colour is never the only signal. */
export type MilestoneState = 'ok' | 'warning' | 'violated' | 'paused' | 'stopped' | 'done';
export const FILTER_STATES = ['warning', 'violated', 'paused', 'stopped'] as const;
export type FilterState = (typeof FILTER_STATES)[number];

export interface CaseFilter {
  priorities: string[];
  statuses: string[];
  states: FilterState[];
  search: string;
}

export const NO_FILTER: CaseFilter = { priorities: [], statuses: [], states: [], search: '' };

/** `deadline` (the nearest open milestone's target), a field, or `milestone:<name>`. */
export type SortKey = 'deadline' | 'caseId' | 'subject' | 'status' | 'priority' | 'owner' | 'account' | 'entitlement' | `milestone:${string}`;
export interface CaseSort {
  key: SortKey;
  descending: boolean;
}
export const DEFAULT_SORT: CaseSort = { key: 'deadline', descending: false };

const OPEN = new Set<Milestone['status']>(['InProgress', 'Paused', 'Violated']);

export function isOpen(m: Milestone): boolean {
  return OPEN.has(m.status);
}

/** Milestone names in the order the cases' processes list them, for one column each. */
export function milestoneColumns(cases: readonly Held[]): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const { snapshot } of cases) {
    for (const m of snapshot.milestones) {
      if (!seen.has(m.name)) {
        seen.add(m.name);
        names.push(m.name);
      }
    }
  }
  return names;
}

/** The instance a column shows: the open one, else the latest that ended. */
export function milestoneNamed(snapshot: CaseSnapshot, name: string): Milestone | undefined {
  let latest: Milestone | undefined;
  for (const m of snapshot.milestones) {
    if (m.name !== name) {
      continue;
    }
    if (isOpen(m)) {
      return m;
    }
    if (!latest || m.instance > latest.instance) {
      latest = m;
    }
  }
  return latest;
}

export function milestoneState(m: Milestone, held: Held, nowMs: number): MilestoneState {
  if (!isOpen(m)) {
    return 'done';
  }
  if (held.snapshot.isStopped) {
    return 'stopped';
  }
  const c = countdown(m, held.asOfMs, nowMs - held.skewMs);
  return c.tone === 'red' ? 'violated' : m.status === 'Paused' ? 'paused' : c.tone === 'amber' ? 'warning' : 'ok';
}

export function matches(held: Held, filter: CaseFilter, nowMs: number): boolean {
  const s = held.snapshot;
  if (filter.priorities.length > 0 && !filter.priorities.includes(s.priority ?? '')) {
    return false;
  }
  if (filter.statuses.length > 0 && !filter.statuses.includes(s.status ?? '')) {
    return false;
  }
  if (filter.states.length > 0) {
    const states = new Set(s.milestones.filter(isOpen).map((m) => milestoneState(m, held, nowMs)));
    if (!filter.states.some((state) => states.has(state))) {
      return false;
    }
  }
  const search = filter.search.trim().toLowerCase();
  return !search || s.caseId.toLowerCase().includes(search) || (s.subject ?? '').toLowerCase().includes(search);
}

// Support desks name priorities these ways; anything else sorts after them, by name.
const PRIORITY_RANK: Record<string, number> = { urgent: 0, critical: 0, high: 1, medium: 2, normal: 2, low: 3 };

function nearestTarget(s: CaseSnapshot): number {
  let best = Number.POSITIVE_INFINITY;
  for (const m of s.milestones) {
    if (isOpen(m) && m.targetAt) {
      best = Math.min(best, Date.parse(m.targetAt));
    }
  }
  return best;
}

function sortValue(s: CaseSnapshot, key: SortKey): number | string {
  switch (key) {
    case 'deadline': return nearestTarget(s);
    case 'caseId': return s.caseId;
    case 'subject': return (s.subject ?? '').toLowerCase();
    case 'status': return friendly(s.status).toLowerCase();
    case 'priority': return PRIORITY_RANK[(s.priority ?? '').toLowerCase()] ?? 9;
    case 'owner': return s.owner ?? '';
    case 'account': return s.accountId ?? '';
    case 'entitlement': return s.entitlementId ?? '';
    default: {
      const m = milestoneNamed(s, key.slice('milestone:'.length));
      // Open ones by target, then ended ones, then cases without the milestone.
      return !m ? Number.MAX_VALUE : isOpen(m) ? (m.targetAt ? Date.parse(m.targetAt) : Number.MAX_SAFE_INTEGER) : Number.MAX_SAFE_INTEGER + 1;
    }
  }
}

/** Sorted copies; ties by case id so rows never swap places between renders. Empty values sort last either way. */
export function sortCases(cases: readonly Held[], sort: CaseSort): Held[] {
  const keyed = cases.map((h) => ({ h, v: sortValue(h.snapshot, sort.key) }));
  const direction = sort.descending ? -1 : 1;
  keyed.sort((a, b) => {
    const emptyA = a.v === '' || a.v === Number.POSITIVE_INFINITY;
    const emptyB = b.v === '' || b.v === Number.POSITIVE_INFINITY;
    if (emptyA !== emptyB) {
      return emptyA ? 1 : -1;
    }
    const order = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : String(a.v).localeCompare(String(b.v));
    return order * direction || a.h.snapshot.caseId.localeCompare(b.h.snapshot.caseId);
  });
  return keyed.map((k) => k.h);
}

/** The distinct values of a field over the cases, for the filter's choices. */
export function distinct(cases: readonly Held[], field: (s: CaseSnapshot) => string | null | undefined): string[] {
  const values = new Set<string>();
  for (const { snapshot } of cases) {
    const v = field(snapshot);
    if (v) {
      values.add(v);
    }
  }
  return [...values].sort((a, b) => a.localeCompare(b));
}
