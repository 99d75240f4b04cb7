import { afterEach, describe, expect, it, vi } from 'vitest';
import { auditPath, redeliver } from '../src/api/admin';

afterEach(() => vi.unstubAllGlobals());

describe('admin API calls', () => {
  it('sends only the audit filters that are set, the cursor of the next page included', () => {
    expect(auditPath({ actor: '', kind: 'process', resource: '', from: '', to: '', cursor: null, limit: 50 })).toBe('audit?kind=process&limit=50');
    expect(auditPath({ actor: 'riley', cursor: '2025-03-03.17' })).toBe('audit?actor=riley&cursor=2025-03-03.17');
    expect(auditPath({})).toBe('audit');
  });

  it('takes a redelivery\'s 202 without a body as done, and escapes the delivery id\'s slashes and #', async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 202 }));
    vi.stubGlobal('fetch', fetch);
    await expect(redeliver('k', 'ops', 'case-42/first-response#1/violation/0m')).resolves.toBe(true);
    expect(fetch.mock.calls[0]).toEqual(['api/v1/webhooks/ops/deliveries/case-42%2Ffirst-response%231%2Fviolation%2F0m/redeliver', expect.objectContaining({ method: 'POST' })]);
  });
});
