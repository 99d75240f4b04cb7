import { ApiError } from './ApiError';
import type { CaseEvent, CaseSnapshot, Problem } from './model';

/** Calls the API with the signed-in key; relative paths, so the dashboard works under any base path. */
export async function api<T>(key: string, path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`api/v1/${path}`, {
    ...init,
    headers: { 'X-Api-Key': key, ...(init.body ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
  });
  if (!response.ok) {
    let problem: Problem = {};
    try {
      problem = (await response.json()) as Problem;
    } catch {
      // not JSON (a proxy's page): the status says enough
    }
    throw new ApiError(response.status, problem);
  }
  // A 204, or a 202 that queued something, has no body.
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** An event the tracker sends: its type and payload, without the id the sender adds. */
export type EventBody =
  | { type: 'milestoneCompleted'; milestone: string }
  | { type: 'stopped' | 'resumed' | 'reopened' }
  | { type: 'updated'; changes: Record<string, string | null> };

/**
 * Posts one event with a fresh id. The id makes a resend (a retry after a lost answer) a replay the case ignores, so
 * an action clicked once is applied once.
 */
export function postEvent(key: string, caseId: string, body: EventBody): Promise<CaseSnapshot> {
  const event = { eventId: `ui-${crypto.randomUUID()}`, ...body };
  return api<CaseSnapshot>(key, `cases/${encodeURIComponent(caseId)}/events`, { method: 'POST', body: JSON.stringify(event) });
}

export function caseEvents(key: string, caseId: string): Promise<CaseEvent[]> {
  return api<CaseEvent[]>(key, `cases/${encodeURIComponent(caseId)}/events`);
}
