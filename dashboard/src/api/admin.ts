// The admin console's API calls and the shapes it reads and writes (docs/api.md; clients/openapi/v1.json is exact).
import { api } from './http';

const id = encodeURIComponent;

// ---- People ----

export type Role = 'agent' | 'supervisor' | 'admin';

export interface UserDefinition {
  name: string;
  email: string;
  role: Role;
  queues: string[];
}

export interface UserRecord extends UserDefinition {
  userId: string;
  active: boolean;
  createdAt: string;
  updatedAt: string;
  deactivatedAt?: string | null;
}

export interface UserKeyRecord {
  keyId: string;
  name: string;
  createdAt: string;
  expiresAt?: string | null;
  revokedAt?: string | null;
}

export interface UserKeyCreated {
  keyId: string;
  key: string;
  userId: string;
  name: string;
  createdAt: string;
  expiresAt: string | null;
}

export const listUsers = (key: string) => api<UserRecord[]>(key, 'users');
export const putUser = (key: string, userId: string, body: UserDefinition) =>
  api<UserRecord>(key, `users/${id(userId)}`, { method: 'PUT', body: JSON.stringify(body) });
export const deactivateUser = (key: string, userId: string) => api<UserRecord>(key, `users/${id(userId)}`, { method: 'DELETE' });
export const listKeys = (key: string, userId: string) => api<UserKeyRecord[]>(key, `users/${id(userId)}/keys`);
export const createKey = (key: string, userId: string, body: { name: string; expiresAt?: string | null }) =>
  api<UserKeyCreated>(key, `users/${id(userId)}/keys`, { method: 'POST', body: JSON.stringify(body) });
export const revokeKey = (key: string, userId: string, keyId: string) =>
  api<UserKeyRecord>(key, `users/${id(userId)}/keys/${id(keyId)}`, { method: 'DELETE' });

// ---- Calendars ----

export interface TimeRange {
  start: string;
  end: string;
}

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type WeeklySchedule = Partial<Record<Weekday, TimeRange[] | null>>;

export interface Holiday {
  date: string;
  name?: string | null;
  recurring?: boolean;
  /** Without it the whole day is closed; with it, only these local spans. */
  closed?: TimeRange[] | null;
}

export interface CalendarDefinition {
  name?: string;
  timeZone: string;
  alwaysOpen?: boolean;
  weekly?: WeeklySchedule | null;
  holidays?: Holiday[] | null;
}

export interface CalendarRead extends CalendarDefinition {
  calendarId: string;
  updatedAt: string;
  version?: number;
  effectiveFrom?: string;
  recordedAt?: string;
}

/** One version of a calendar: its number, when its hours take effect, and when it was written. */
export interface CalendarVersion {
  version: number;
  effectiveFrom: string;
  recordedAt: string;
}

/** What a PUT answers: the version written and the open cases re-evaluated under it. */
export interface CalendarWritten extends CalendarRead {
  recomputed?: { caseId: string; outcome: string; reason?: string | null }[];
}

export const listCalendars = (key: string) => api<CalendarRead[]>(key, 'calendars');
/** Writes a new version; `effectiveFrom` (an instant) defaults to now, and one in the past needs `allowPast`. */
export const putCalendar = (key: string, calendarId: string, body: CalendarDefinition & { effectiveFrom?: string }, allowPast = false) =>
  api<CalendarWritten>(key, `calendars/${id(calendarId)}${allowPast ? '?allowPast=true' : ''}`, { method: 'PUT', body: JSON.stringify(body) });
export const calendarVersions = (key: string, calendarId: string) => api<CalendarVersion[]>(key, `calendars/${id(calendarId)}/versions`);
export const deleteCalendar = (key: string, calendarId: string) => api<void>(key, `calendars/${id(calendarId)}`, { method: 'DELETE' });
export const addBusinessTime = (key: string, calendarId: string, start: string, seconds: number) =>
  api<{ result: string }>(key, `calendars/${id(calendarId)}/add?start=${id(start)}&seconds=${seconds}`);

// ---- Processes ----

export type Recurrence = 'none' | 'independent' | 'sequential';
export const ACTION_TRIGGERS = ['warning', 'violation', 'success'] as const;
export const ACTION_TYPES = ['webhook', 'notify', 'escalate', 'fieldUpdate', 'task', 'email'] as const;

export interface WarningDefinition {
  beforeTargetMinutes?: number | null;
  atPercent?: number | null;
}

export interface ActionDefinition {
  when: (typeof ACTION_TRIGGERS)[number];
  type: (typeof ACTION_TYPES)[number];
  [field: string]: unknown;
}

export interface MilestoneDefinition {
  name: string;
  minutes?: number;
  minutesByPriority?: Record<string, number> | null;
  criteria?: Record<string, string[]> | null;
  recurrence?: Recurrence;
  calendarId?: string | null;
  completedBy?: string[] | null;
  warnings?: WarningDefinition[] | null;
  actions?: ActionDefinition[] | null;
  [field: string]: unknown;
}

export interface ProcessDefinition {
  name: string;
  description?: string | null;
  active?: boolean;
  calendarId?: string | null;
  milestones: MilestoneDefinition[];
  [field: string]: unknown;
}

export interface ProcessRead extends ProcessDefinition {
  processId: string;
  version: number;
  createdAt: string;
}

export const listProcesses = (key: string) => api<ProcessRead[]>(key, 'processes');
export const putProcess = (key: string, processId: string, body: ProcessDefinition) =>
  api<ProcessRead>(key, `processes/${id(processId)}`, { method: 'PUT', body: JSON.stringify(body) });
export const processVersion = (key: string, processId: string, version: number) =>
  api<ProcessRead>(key, `processes/${id(processId)}/versions/${version}`);
export const setProcessActive = (key: string, processId: string, active: boolean) =>
  api<ProcessRead>(key, `processes/${id(processId)}/${active ? 'activate' : 'deactivate'}`, { method: 'POST' });
export const deleteProcess = (key: string, processId: string) => api<void>(key, `processes/${id(processId)}`, { method: 'DELETE' });

// ---- Entitlements ----

export interface EntitlementDefinition {
  name?: string;
  accountId: string;
  contactIds?: string[] | null;
  assetId?: string | null;
  processId: string;
  calendarId?: string | null;
  startDate: string;
  endDate?: string | null;
  casesAllowed?: number | null;
}

export interface EntitlementRead extends EntitlementDefinition {
  entitlementId: string;
  status: 'Inactive' | 'Active' | 'Expired';
  remainingCases: number | null;
  updatedAt: string;
}

export const accountEntitlements = (key: string, accountId: string) => api<EntitlementRead[]>(key, `accounts/${id(accountId)}/entitlements`);
export const putEntitlement = (key: string, entitlementId: string, body: EntitlementDefinition) =>
  api<EntitlementRead>(key, `entitlements/${id(entitlementId)}`, { method: 'PUT', body: JSON.stringify(body) });
export const deleteEntitlement = (key: string, entitlementId: string) => api<void>(key, `entitlements/${id(entitlementId)}`, { method: 'DELETE' });

// ---- Webhooks ----

export const WEBHOOK_EVENTS = ['milestone.warning', 'milestone.violated', 'milestone.completed', 'case.escalated'] as const;

export interface WebhookFilters {
  queues?: string[] | null;
  processIds?: string[] | null;
}

export interface WebhookDefinition {
  url: string;
  events: string[];
  secret?: string;
  filters?: WebhookFilters | null;
}

export interface WebhookRecord {
  webhookId: string;
  url: string;
  events: string[];
  updatedAt: string;
  pending: number;
  filters: WebhookFilters | null;
  paused: boolean;
  previousSecretUntil: string | null;
}

export interface WebhookAttempt {
  deliveryId: string;
  type: string;
  caseId: string;
  attempt: number;
  at: string;
  statusCode?: number | null;
  outcome: string;
  error?: string | null;
  nextAttemptAt?: string | null;
}

export const listWebhooks = (key: string) => api<WebhookRecord[]>(key, 'webhooks');
export const putWebhook = (key: string, webhookId: string, body: WebhookDefinition) =>
  api<WebhookRecord>(key, `webhooks/${id(webhookId)}`, { method: 'PUT', body: JSON.stringify(body) });
export const deleteWebhook = (key: string, webhookId: string) => api<void>(key, `webhooks/${id(webhookId)}`, { method: 'DELETE' });
export const setWebhookPaused = (key: string, webhookId: string, paused: boolean) =>
  api<WebhookRecord>(key, `webhooks/${id(webhookId)}/${paused ? 'pause' : 'resume'}`, { method: 'POST' });
export const rotateSecret = (key: string, webhookId: string, secret: string, overlapSeconds: number) =>
  api<WebhookRecord>(key, `webhooks/${id(webhookId)}/rotate-secret`, { method: 'POST', body: JSON.stringify({ secret, overlapSeconds }) });
export const webhookDeliveries = (key: string, webhookId: string) => api<WebhookAttempt[]>(key, `webhooks/${id(webhookId)}/deliveries?limit=200`);
export const redeliver = (key: string, webhookId: string, deliveryId: string) =>
  api<void>(key, `webhooks/${id(webhookId)}/deliveries/${id(deliveryId)}/redeliver`, { method: 'POST' }).then(() => true);

// ---- Audit ----

export interface AuditItem {
  at: string;
  actor: { kind: string; id: string };
  action: string;
  resource: { kind: string; id: string; version?: number | null };
  before: unknown;
  after: unknown;
}

export interface AuditPage {
  items: AuditItem[];
  nextCursor: string | null;
}

export interface AuditQuery {
  actor?: string;
  kind?: string;
  resource?: string;
  from?: string;
  to?: string;
  cursor?: string | null;
  limit?: number;
}

export function auditPath(query: AuditQuery): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      params.set(name, String(value));
    }
  }
  const text = params.toString();
  return text ? `audit?${text}` : 'audit';
}

export const listAudit = (key: string, query: AuditQuery) => api<AuditPage>(key, auditPath(query));
