import { afterEach, describe, expect, it, vi } from 'vitest';
import { auditPath, putCalendar, redeliver } from '../src/api/admin';

afterEach(() => vi.unstubAllGlobals());

describe('admin API calls', () => {
  it('sends only the audit filters that are set, the cursor of the next page included', () => {
    expect(auditPath({ actor: '', kind: 'process', resource: '', from: '', to: '', cursor: null, limit: 50 })).toBe('audit?kind=process&limit=50');
    expect(auditPath({ actor: 'riley', cursor: '2025-03-03.17' })).toBe('audit?actor=riley&cursor=2025-03-03.17');
    expect(auditPath({})).toBe('audit');
  });

  it('writes a calendar version with its effective instant, and asks for a past one only when told to', async () => {
    const fetch = vi.fn(async (_url: string, _init?: RequestInit) => new Response(JSON.stringify({ calendarId: 'uk', version: 2 }), { status: 200, headers: { 'Content-Type': 'application/json' } }));
    vi.stubGlobal('fetch', fetch);
    await putCalendar('k', 'uk', { timeZone: 'Europe/London', effectiveFrom: '2025-03-05T00:00:00.000Z' });
    await putCalendar('k', 'uk', { timeZone: 'Europe/London', effectiveFrom: '2025-03-05T00:00:00.000Z' }, true);
    expect(fetch.mock.calls.map((c) => c[0])).toEqual(['api/v1/calendars/uk', 'api/v1/calendars/uk?allowPast=true']);
    expect(JSON.parse(fetch.mock.calls[0][1]?.body as string)).toMatchObject({ effectiveFrom: '2025-03-05T00:00:00.000Z' });
  });

  it('takes a redelivery\'s 202 without a body as done, and escapes the delivery id\'s slashes and #', async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 202 }));
    vi.stubGlobal('fetch', fetch);
    await expect(redeliver('k', 'ops', 'case-42/first-response#1/violation/0m')).resolves.toBe(true);
    expect(fetch.mock.calls[0]).toEqual(['api/v1/webhooks/ops/deliveries/case-42%2Ffirst-response%231%2Fviolation%2F0m/redeliver', expect.objectContaining({ method: 'POST' })]);
  });
});
