import { describe, expect, it } from 'vitest';
import { countdown, formatSeconds, nearest } from '../src/live/countdown';
import type { Milestone } from '../src/api/model';

const asOf = Date.parse('2025-03-03T14:00:00Z');
const at = (seconds: number) => asOf + seconds * 1000;

function milestone(over: Partial<Milestone> = {}): Milestone {
  return {
    id: 'first-response#1', name: 'First Response', instance: 1, status: 'InProgress', isViolated: false,
    startedAt: '2025-03-03T13:30:00Z', targetAt: '2025-03-03T14:30:00Z', completedAt: null,
    targetSeconds: 3600, elapsedSeconds: 1800, remainingSeconds: 1800, overdueSeconds: 0, pausedSeconds: 0,
    actualElapsedSeconds: 1800, clockRunning: true, nextClockChangeAt: null, calendarId: null, warningSeconds: 900,
    ...over,
  };
}

describe('countdown', () => {
  it('counts down from the snapshot while the clock runs', () => {
    expect(countdown(milestone(), asOf, at(60)).seconds).toBe(1740);
    expect(countdown(milestone(), asOf, at(60)).tone).toBe('green');
  });

  it('moves elapsed with the clock, so elapsed and left add up to the target, and holds it when the clock stops', () => {
    const running = countdown(milestone(), asOf, at(60));
    expect(running.elapsed).toBe(1860);
    expect(running.elapsed + running.seconds).toBe(3600);
    expect(countdown(milestone({ nextClockChangeAt: '2025-03-03T14:10:00Z' }), asOf, at(7200)).elapsed).toBe(2400);
    expect(countdown(milestone({ status: 'Paused', clockRunning: false }), asOf, at(3600)).elapsed).toBe(1800);
  });

  it('turns amber inside the warning window and red at the target, then counts up overdue', () => {
    expect(countdown(milestone(), asOf, at(900)).tone).toBe('amber');
    const overdue = countdown(milestone(), asOf, at(1830));
    expect(overdue.seconds).toBe(-30);
    expect(overdue.tone).toBe('red');
    expect(overdue.label).toBe('overdue');
    expect(formatSeconds(overdue.seconds)).toBe('+0:30');
  });

  it('freezes when the calendar closes and stays frozen until the server says otherwise', () => {
    const closing = milestone({ nextClockChangeAt: '2025-03-03T14:10:00Z' });
    const atClose = countdown(closing, asOf, at(600));
    const later = countdown(closing, asOf, at(7200));
    expect(atClose.seconds).toBe(1200);
    expect(later.seconds).toBe(1200);
    expect(later.running).toBe(false);
    expect(later.label).toBe('outside hours');
  });

  it('does not move while paused or outside hours', () => {
    const paused = countdown(milestone({ status: 'Paused', clockRunning: false }), asOf, at(3600));
    expect(paused.seconds).toBe(1800);
    expect(paused.label).toBe('paused');
    const closed = countdown(milestone({ clockRunning: false }), asOf, at(3600));
    expect(closed.seconds).toBe(1800);
    expect(closed.label).toBe('outside hours');
  });

  it('shows a violated milestone red and overdue even before the local clock catches up', () => {
    const violated = milestone({ status: 'Violated', isViolated: true, remainingSeconds: 0, overdueSeconds: 120 });
    expect(countdown(violated, asOf, asOf).seconds).toBe(-120);
    expect(countdown(violated, asOf, asOf).tone).toBe('red');
  });

  it('freezes finished milestones with their outcome', () => {
    expect(countdown(milestone({ status: 'Completed', clockRunning: false }), asOf, at(99999)).tone).toBe('done');
    expect(countdown(milestone({ status: 'CompletedLate', clockRunning: false }), asOf, at(5)).tone).toBe('late');
  });
});

describe('formatSeconds', () => {
  it('reads at a glance', () => {
    expect(formatSeconds(65)).toBe('1:05');
    expect(formatSeconds(3 * 3600 + 62)).toBe('3:01:02');
    expect(formatSeconds(2 * 86400 + 3600)).toBe('2d 01:00:00');
  });
});

describe('nearest', () => {
  it('picks the open milestone with the earliest target', () => {
    const done = milestone({ id: 'a', status: 'Completed', targetAt: '2025-03-03T13:00:00Z' });
    const later = milestone({ id: 'b', targetAt: '2025-03-03T18:00:00Z' });
    const soon = milestone({ id: 'c', status: 'Violated', targetAt: '2025-03-03T14:00:00Z' });
    expect(nearest([done, later, soon])?.id).toBe('c');
  });

  it('puts a milestone without a reachable target after every dated one', () => {
    const unreachable = milestone({ id: 'u', targetAt: null });
    const later = milestone({ id: 'b', targetAt: '2025-03-03T18:00:00Z' });
    expect(nearest([unreachable, later])?.id).toBe('b');
    expect(nearest([later, unreachable])?.id).toBe('b');
  });
});

import { CaseStore } from '../src/live/CaseStore';
import type { CaseSnapshot } from '../src/api/model';

function snapshot(version: number, asOf: string): CaseSnapshot {
  return {
    caseId: 'case-1', asOf, version, status: 'New', priority: 'High', queue: 'Tier 1', subject: 's', closed: false,
    isStopped: false, milestoneStatus: 'Compliant', entitlementId: null, entitlementReason: null, processId: null,
    processVersion: null, milestones: [milestone()],
  };
}

describe('CaseStore', () => {
  it('drops stale pushes and keeps clock re-evaluations of the same version', () => {
    const store = new CaseStore();
    expect(store.put(snapshot(3, '2025-03-03T14:00:00Z'))).toBe(true);
    expect(store.put(snapshot(2, '2025-03-03T14:05:00Z'))).toBe(false);
    expect(store.put(snapshot(3, '2025-03-03T14:00:00Z'))).toBe(false);
    expect(store.put(snapshot(3, '2025-03-03T14:10:00Z'))).toBe(true);
    expect(store.get('case-1')?.snapshot.asOf).toBe('2025-03-03T14:10:00Z');
  });

  it('measures how far the browser clock is from the server', () => {
    const store = new CaseStore();
    store.put(snapshot(1, '2025-03-03T14:00:00Z'), Date.parse('2025-03-03T14:00:02Z'));
    expect(store.get('case-1')?.skewMs).toBe(2000);
  });
});
