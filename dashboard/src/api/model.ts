// The hub's payloads (docs/api.md's snapshot plus `version`), as far as the dashboard reads them.

export type MilestoneStatus = 'InProgress' | 'Paused' | 'Completed' | 'Violated' | 'CompletedLate' | 'Canceled';

export interface Milestone {
  id: string;
  name: string;
  instance: number;
  status: MilestoneStatus;
  isViolated: boolean;
  startedAt: string;
  targetAt: string | null; // null when the target lies at or past 2200-01-01: not reachable, never violated
  completedAt: string | null;
  targetSeconds: number;
  elapsedSeconds: number;
  remainingSeconds: number;
  overdueSeconds: number;
  pausedSeconds: number;
  actualElapsedSeconds: number;
  clockRunning: boolean;
  nextClockChangeAt: string | null;
  calendarId: string | null;
  warningSeconds: number | null;
}

export interface CaseSnapshot {
  caseId: string;
  asOf: string;
  version: number;
  status: string | null;
  priority: string | null;
  queue: string | null;
  owner?: string | null;
  accountId?: string | null;
  subject: string | null;
  closed: boolean;
  isStopped: boolean;
  stoppedSince?: string | null;
  milestoneStatus: 'Compliant' | 'OpenViolation' | 'ClosedViolation';
  entitlementId: string | null;
  entitlementReason: string | null;
  processId: string | null;
  processVersion: number | null;
  milestones: Milestone[];
}

export interface Notice {
  deliveryId: string;
  type: string;
  occurredAt: string;
  caseId: string;
  queue: string | null;
  late?: boolean;
  milestone: Milestone;
}

export interface CaseEvent {
  eventId: string;
  type: string;
  occurredAt: string;
  changes?: Record<string, unknown> | null;
  milestone?: string | null;
  actor?: { kind: 'user' | 'integration'; id: string } | null;
}

/** GET /api/v1/me: who the key belongs to (docs/api.md, "People"). */
export interface Me {
  kind: 'user' | 'integration';
  id: string;
  name: string;
  email?: string | null;
  role?: 'agent' | 'supervisor' | 'admin' | null;
  queues: string[];
  scopes: string[];
  /** Supervisors, admins and integrations list every open case; agents their own and their queues'. */
  seesAllCases: boolean;
  keyId?: string | null;
}

/** GET /api/v1/entitlements/{id}: what the tracker shows of it. */
export interface Entitlement {
  entitlementId: string;
  name?: string | null;
  status: 'Active' | 'Expired' | 'Inactive';
  remainingCases: number | null;
}

/** GET /api/v1/calendars/{id}: what the tracker shows of it. */
export interface Calendar {
  calendarId: string;
  name?: string | null;
  timeZone?: string | null;
}

/** RFC 7807 problem details, as every API error is. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Record<string, string[]>;
}
