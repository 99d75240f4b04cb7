import { render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../src/api/model';
import { subscriptions } from '../src/state/session';
import { cases, casesChanged, useSla } from '../src/state/store';
import { MyCases } from '../src/views/cases/MyCases';
import { snapshot } from './fixtures';

const ana: Me = { kind: 'user', id: 'ana', name: 'Ana Ruiz', role: 'agent', queues: ['Tier 1'], scopes: ['read', 'events:write'], seesAllCases: false };

beforeEach(() => {
  cases.clear();
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ items: [], nextCursor: null }), { status: 200, headers: { 'Content-Type': 'application/json' } })));
  useSla.setState({ key: 'key-ana', me: ana, connection: 'connected' });
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  useSla.setState({ connection: 'disconnected' });
});

/** What the hub's caseChanged handler does with a pushed snapshot. */
function push(...snapshots: ReturnType<typeof snapshot>[]) {
  snapshots.forEach((s) => cases.put(s));
  casesChanged();
}

describe('My cases', () => {
  it('watches the owner group, so a case assigned to me in a queue not mine appears, and leaves once given to someone else', async () => {
    const owners: string[] = [];
    vi.spyOn(subscriptions, 'acquireOwner').mockImplementation((owner) => {
      owners.push(owner);
      return () => undefined;
    });
    const queues = vi.spyOn(subscriptions, 'acquireQueue');
    render(<MemoryRouter><MyCases /></MemoryRouter>);
    expect(owners).toEqual(['me']);
    expect(queues).not.toHaveBeenCalled(); // other people's cases in my queues are not "mine"

    push(snapshot('handed-over', { owner: 'ana', queue: 'Escalations', version: 3 }));
    expect(await screen.findByText('Subject of handed-over')).toBeTruthy();

    push(snapshot('handed-over', { owner: 'ben', queue: 'Escalations', version: 4 }));
    await waitFor(() => expect(screen.queryByText('Subject of handed-over')).toBeNull());
    expect(screen.getByText('No open cases here.')).toBeTruthy();
  });
});
