import { ApiError } from '../../api/ApiError';
import { api, postEvent, type EventBody } from '../../api/http';
import type { CaseSnapshot } from '../../api/model';
import { cases, casesChanged } from '../../state/store';

/** Takes the snapshot the API answered with; the hub pushes the same version, which the store then drops. */
function reconcile(snapshot: CaseSnapshot): void {
  if (cases.put(snapshot)) {
    casesChanged();
  }
}

export async function act(key: string, caseId: string, body: EventBody): Promise<void> {
  reconcile(await postEvent(key, caseId, body));
}

interface BatchResult {
  caseId: string;
  eventId: string | null;
  status: number;
  error: Record<string, string[]> | null;
}

/**
 * Stops or resumes the clock with a reason. Events of the API carry no free text, so the reason is written as the
 * case's `clockReason` custom field by an `updated` event in the same batch, just before: the case history then
 * says why (docs/dashboard.md). A batch applies one case's events in order.
 */
export async function stopOrResume(key: string, caseId: string, type: 'stopped' | 'resumed', reason: string): Promise<void> {
  const id = crypto.randomUUID();
  const events = [
    ...(reason ? [{ caseId, eventId: `ui-${id}-reason`, type: 'updated', changes: { customFields: { clockReason: reason } } }] : []),
    { caseId, eventId: `ui-${id}`, type },
  ];
  const results = await api<BatchResult[]>(key, 'events', { method: 'POST', body: JSON.stringify(events) });
  const failed = results.find((r) => r.status !== 200);
  if (failed) {
    throw new ApiError(failed.status, { title: 'The case refused the change.', errors: failed.error ?? undefined });
  }
}
