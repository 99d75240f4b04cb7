import { describe, expect, it } from 'vitest';
import { CaseStore, type Held } from '../src/live/CaseStore';
import { matches, milestoneColumns, milestoneNamed, NO_FILTER, sortCases } from '../src/views/cases/caseRows';
import { asOfMs, milestone, snapshot } from './fixtures';
import type { CaseSnapshot } from '../src/api/model';

function held(...snapshots: CaseSnapshot[]): Held[] {
  const store = new CaseStore();
  snapshots.forEach((s) => store.put(s, asOfMs));
  return snapshots.map((s) => store.get(s.caseId)!);
}

const ids = (rows: Held[]) => rows.map((h) => h.snapshot.caseId);
const at = (seconds: number) => asOfMs + seconds * 1000;

describe('sorting the board', () => {
  const soon = snapshot('c-soon', { priority: 'Low', subject: 'Zebra', milestones: [milestone({ targetAt: '2025-03-03T14:10:00Z' })] });
  const late = snapshot('c-late', { priority: 'Urgent', subject: 'apple', milestones: [milestone({ targetAt: '2025-03-03T18:00:00Z' })] });
  const none = snapshot('c-none', { priority: 'Medium', subject: 'Mango', milestones: [milestone({ status: 'Completed' })] });
  const rows = held(late, none, soon);

  it('puts the nearest deadline first by default, cases without an open milestone last', () => {
    expect(ids(sortCases(rows, { key: 'deadline', descending: false }))).toEqual(['c-soon', 'c-late', 'c-none']);
    expect(ids(sortCases(rows, { key: 'deadline', descending: true }))).toEqual(['c-late', 'c-soon', 'c-none']);
  });

  it('sorts priorities by urgency, not alphabetically, and text without regard to case', () => {
    expect(ids(sortCases(rows, { key: 'priority', descending: false }))).toEqual(['c-late', 'c-none', 'c-soon']);
    expect(ids(sortCases(rows, { key: 'subject', descending: false }))).toEqual(['c-late', 'c-none', 'c-soon']);
  });

  it('sorts by one milestone column: open ones by target, then ended ones', () => {
    const resolutionSoon = snapshot('r-soon', { milestones: [milestone({ id: 'resolution#1', name: 'Resolution', targetAt: '2025-03-03T15:00:00Z' })] });
    const resolutionDone = snapshot('r-done', { milestones: [milestone({ id: 'resolution#1', name: 'Resolution', status: 'Completed', targetAt: '2025-03-03T14:01:00Z' })] });
    const sorted = sortCases(held(resolutionDone, resolutionSoon, soon), { key: 'milestone:Resolution', descending: false });
    expect(ids(sorted)).toEqual(['r-soon', 'r-done', 'c-soon']);
  });
});

describe('milestone columns', () => {
  it('lists each milestone name once, in process order, and shows the open instance of a recurring one', () => {
    const s = snapshot('c-1', {
      milestones: [
        milestone(),
        milestone({ id: 'next-response#1', name: 'Next Response', status: 'Completed' }),
        milestone({ id: 'next-response#2', name: 'Next Response', instance: 2 }),
        milestone({ id: 'resolution#1', name: 'Resolution' }),
      ],
    });
    expect(milestoneColumns(held(s))).toEqual(['First Response', 'Next Response', 'Resolution']);
    expect(milestoneNamed(s, 'Next Response')?.id).toBe('next-response#2');
  });
});

describe('filtering the board', () => {
  const warning = snapshot('w', { milestones: [milestone({ remainingSeconds: 600 })] });
  const violated = snapshot('v', { priority: 'Urgent', milestones: [milestone({ status: 'Violated', isViolated: true, remainingSeconds: 0, overdueSeconds: 60 })] });
  const paused = snapshot('p', { status: 'Waiting on Customer', milestones: [milestone({ status: 'Paused', clockRunning: false })] });
  const stopped = snapshot('s', { isStopped: true, subject: 'Printer on fire', milestones: [milestone({ clockRunning: false })] });
  const calm = snapshot('ok');
  const rows = held(warning, violated, paused, stopped, calm);
  const pick = (filter: Partial<typeof NO_FILTER>, now = asOfMs) => ids(rows.filter((h) => matches(h, { ...NO_FILTER, ...filter }, now)));

  it('by milestone state', () => {
    expect(pick({ states: ['warning'] })).toEqual(['w']);
    expect(pick({ states: ['violated'] })).toEqual(['v']);
    expect(pick({ states: ['paused'] })).toEqual(['p']);
    expect(pick({ states: ['stopped'] })).toEqual(['s']);
    expect(pick({ states: ['paused', 'stopped'] })).toEqual(['p', 's']);
  });

  it('by state as time passes: a calm case enters its warning window and a warning one is violated, on the local clock', () => {
    expect(pick({ states: ['warning'] }, at(901))).toEqual(['ok']);
    expect(pick({ states: ['violated'] }, at(901))).toEqual(['w', 'v']);
  });

  it('by priority, status and a search of id or subject', () => {
    expect(pick({ priorities: ['Urgent'] })).toEqual(['v']);
    expect(pick({ statuses: ['Waiting on Customer'] })).toEqual(['p']);
    expect(pick({ search: 'printer' })).toEqual(['s']);
    expect(pick({ search: 'OK' })).toEqual(['ok']);
  });
});
