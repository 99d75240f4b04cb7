import type { CaseSnapshot, Milestone } from '../src/api/model';

export const asOf = '2025-03-03T14:00:00Z';
export const asOfMs = Date.parse(asOf);

export function milestone(over: Partial<Milestone> = {}): Milestone {
  return {
    id: 'first-response#1', name: 'First Response', instance: 1, status: 'InProgress', isViolated: false,
    startedAt: '2025-03-03T13:30:00Z', targetAt: '2025-03-03T14:30:00Z', completedAt: null,
    targetSeconds: 3600, elapsedSeconds: 1800, remainingSeconds: 1800, overdueSeconds: 0, pausedSeconds: 0,
    actualElapsedSeconds: 1800, clockRunning: true, nextClockChangeAt: null, calendarId: null, warningSeconds: 900,
    ...over,
  };
}

export function snapshot(caseId: string, over: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return {
    caseId, asOf, version: 1, status: 'New', priority: 'High', queue: 'Tier 1', owner: null, accountId: 'acme',
    subject: `Subject of ${caseId}`, closed: false, isStopped: false, stoppedSince: null, milestoneStatus: 'Compliant',
    entitlementId: 'acme-platinum', entitlementReason: null, processId: 'platinum', processVersion: 1,
    milestones: [milestone()],
    ...over,
  };
}
