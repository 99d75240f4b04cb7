import { fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useSla } from '../src/state/store';
import { AuditView } from '../src/views/admin/AuditView';

let urls: string[];

const entry = (id: string, action: string) => ({
  at: '2026-01-02T10:00:00Z', actor: { kind: 'user', id: 'riley' }, action,
  resource: { kind: 'calendar', id, version: null }, before: { name: 'old' }, after: { name: 'new' },
});

beforeEach(() => {
  urls = [];
  useSla.setState({ key: 'k', zone: 'UTC' });
  vi.stubGlobal('fetch', vi.fn(async (url: string) => {
    urls.push(url);
    const body = url.includes('cursor=')
      ? { items: [entry('older', 'created')], nextCursor: null }
      : { items: [entry('newer', 'updated')], nextCursor: '2026-01-02.7' };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  }));
});

describe('Audit trail', () => {
  it('asks with the filters set, then pages back with the cursor, keeping the newer entries above', async () => {
    render(<AuditView />);
    fireEvent.change(screen.getByLabelText('Actor id'), { target: { value: 'riley' } });
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'calendar' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show entries' }));
    await screen.findByText('calendar newer');
    expect(urls[0]).toBe('api/v1/audit?actor=riley&kind=calendar&limit=50');
    fireEvent.click(screen.getByRole('button', { name: 'Older entries' }));
    await screen.findByText('calendar older');
    expect(urls[1]).toBe('api/v1/audit?actor=riley&kind=calendar&cursor=2026-01-02.7&limit=50');
    expect(screen.getAllByRole('row').slice(1).map((r) => r.getAttribute('data-resource'))).toEqual(['calendar:newer', 'calendar:older']);
    expect(screen.queryByRole('button', { name: 'Older entries' })).toBeNull();
    expect(screen.getByRole('region', { name: 'After: calendar newer' }).textContent).toContain('"name": "new"');
    expect(screen.getAllByRole('list', { name: 'Changed fields' })[0].textContent).toBe('name: "old" → "new"');
  });
});
