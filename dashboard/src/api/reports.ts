import { ApiError } from './ApiError';
import { api } from './http';
import type { Problem } from './model';

// docs/api.md, "Reports": the shapes the Reports page reads.

export type Dimension = 'queue' | 'milestone' | 'entitlement' | 'account' | 'owner' | 'priority' | 'process';
export type Interval = 'none' | 'hour' | 'day' | 'week' | 'month';

export interface Figures {
  met: number;
  metLate: number;
  violated: number;
  open: number;
  canceled: number;
  attainmentPercent: number | null;
  medianSecondsToComplete: number | null;
  p90SecondsToComplete: number | null;
  overdueSecondsTotal: number;
  overdueSecondsMean: number | null;
}

export interface ComplianceRow extends Figures {
  group: Record<string, string | null>;
  periodStart: string;
}

export interface ComplianceReport {
  from: string;
  to: string;
  interval: Interval;
  timeZone: string;
  groupBy: Dimension[];
  rows: ComplianceRow[];
  totals: Figures;
}

export type FactStatus = 'Met' | 'MetLate' | 'Violated' | 'Open' | 'Canceled';

export interface MilestoneFact {
  caseId: string;
  milestoneId: string;
  milestone: string;
  instance: number;
  processId: string;
  processVersion: number;
  entitlementId: string | null;
  accountId: string | null;
  queue: string | null;
  priority: string | null;
  owner: string | null;
  calendarId: string | null;
  status: FactStatus;
  startedAt: string;
  targetAt: string | null;
  completedAt: string | null;
  violatedAt: string | null;
  secondsToComplete: number | null;
  pausedSeconds: number;
  overdueSeconds: number;
  caseVersion: number;
}

export interface FactPage {
  items: MilestoneFact[];
  nextCursor: string | null;
}

export interface WhatIfReport {
  actual: ComplianceReport;
  draft: ComplianceReport;
  cases: number;
}

/** A milestone of a process definition as PUT /processes takes it; the members the page does not edit pass through. */
export interface MilestoneDefinition {
  name: string;
  minutes?: number;
  minutesByPriority?: Record<string, number> | null;
  [other: string]: unknown;
}

export interface ProcessDefinition {
  name: string;
  milestones: MilestoneDefinition[];
  [other: string]: unknown;
}

/** GET /processes: a definition plus the fields a read adds. */
export interface ProcessRead extends ProcessDefinition {
  processId: string;
  version: number;
  createdAt: string;
}

/** A conditional read: the new answer and its ETag, or `null` when the server said 304 (nothing changed). */
export interface Fresh<T> {
  body: T;
  etag: string | null;
}

/**
 * GET with If-None-Match. `no-store` keeps the browser's cache out of it, so a 304 reaches this code rather than being
 * turned into the cached 200.
 */
export async function getIfChanged<T>(key: string, path: string, etag: string | null): Promise<Fresh<T> | null> {
  const response = await fetch(`api/v1/${path}`, {
    cache: 'no-store',
    headers: { 'X-Api-Key': key, ...(etag ? { 'If-None-Match': etag } : {}) },
  });
  if (response.status === 304) {
    return null;
  }
  if (!response.ok) {
    throw new ApiError(response.status, await problemOf(response));
  }
  return { body: (await response.json()) as T, etag: response.headers.get('ETag') };
}

async function problemOf(response: Response): Promise<Problem> {
  try {
    return (await response.json()) as Problem;
  } catch {
    return {};
  }
}

export function compliance(key: string, query: string, etag: string | null): Promise<Fresh<ComplianceReport> | null> {
  return getIfChanged<ComplianceReport>(key, `reports/compliance?${query}`, etag);
}

export function factPage(key: string, query: string, cursor: string | null, limit: number): Promise<FactPage> {
  return api<FactPage>(key, `reports/milestones?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
}

/** The facts as the API's CSV; a Blob, because the key goes in a header, which a plain link cannot send. */
export async function factsCsv(key: string, query: string): Promise<Blob> {
  const response = await fetch(`api/v1/reports/milestones?${query}`, { cache: 'no-store', headers: { 'X-Api-Key': key, Accept: 'text/csv' } });
  if (!response.ok) {
    throw new ApiError(response.status, await problemOf(response));
  }
  return response.blob();
}

export function processes(key: string): Promise<ProcessRead[]> {
  return api<ProcessRead[]>(key, 'processes');
}

export function whatIf(key: string, body: object): Promise<WhatIfReport> {
  return api<WhatIfReport>(key, 'reports/what-if', { method: 'POST', body: JSON.stringify(body) });
}
