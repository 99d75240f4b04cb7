import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Notice } from '../src/api/model';
import { handleNotice } from '../src/state/alerts';
import { cases, useSla } from '../src/state/store';
import { milestone, snapshot } from './fixtures';

function notice(over: Partial<Notice> = {}): Notice {
  return {
    deliveryId: 'd-1', type: 'milestone.warning', occurredAt: '2025-03-03T14:15:00Z', caseId: 'mine-1', queue: 'Tier 1',
    milestone: milestone({ remainingSeconds: 300 }), ...over,
  };
}

describe('alerts', () => {
  beforeEach(() => {
    cases.clear();
    cases.put(snapshot('mine-1', { owner: 'ana' }));
    cases.put(snapshot('theirs-1', { owner: 'bo', queue: 'Tier 2' }));
    useSla.setState({ me: { kind: 'user', id: 'ana', name: 'Ana Ruiz', queues: [], scopes: ['read'], seesAllCases: false }, watched: [], toasts: [], flashes: {}, sound: false });
  });

  it('shows a warning on my case as a toast and a flash on its row', () => {
    handleNotice(notice());
    const { toasts, flashes } = useSla.getState();
    expect(toasts.map((t) => [t.kind, t.text])).toEqual([['warning', 'Warning: First Response on case mine-1 is due in 5:00']]);
    expect(flashes['mine-1']).toBeGreaterThan(Date.now());
  });

  it('shows each notice once per browser, even after a reconnect or a reload delivers it again', () => {
    handleNotice(notice());
    handleNotice(notice());
    expect(useSla.getState().toasts).toHaveLength(1);
    useSla.setState({ toasts: [] }); // a reload: the store starts empty, localStorage remembers
    handleNotice(notice());
    expect(useSla.getState().toasts).toHaveLength(0);
    handleNotice(notice({ deliveryId: 'd-2', type: 'milestone.violated' }));
    expect(useSla.getState().toasts.map((t) => t.kind)).toEqual(['violated']);
  });

  it('stays quiet about other people\'s cases unless their queue is watched', () => {
    handleNotice(notice({ caseId: 'theirs-1', queue: 'Tier 2' }));
    expect(useSla.getState().toasts).toHaveLength(0);
    useSla.setState({ watched: ['Tier 2'] });
    handleNotice(notice({ deliveryId: 'd-3', caseId: 'theirs-1', queue: 'Tier 2' }));
    expect(useSla.getState().toasts).toHaveLength(1);
  });

  it('raises nothing for a completion: the row updates from the case itself', () => {
    handleNotice(notice({ type: 'milestone.completed' }));
    expect(useSla.getState().toasts).toHaveLength(0);
    expect(useSla.getState().flashes).toEqual({});
  });

  it('sends a browser notification, tagged with the notice id, once permission is granted', () => {
    const shown: [string, NotificationOptions | undefined][] = [];
    const Fake = vi.fn(function (this: unknown, title: string, options?: NotificationOptions) {
      shown.push([title, options]);
    });
    vi.stubGlobal('Notification', Object.assign(Fake, { permission: 'granted' }));
    try {
      handleNotice(notice({ deliveryId: 'd-9' }));
      expect(shown).toEqual([['SlaGrains', { body: 'Warning: First Response on case mine-1 is due in 5:00', tag: 'd-9' }]]);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
