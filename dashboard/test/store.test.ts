import { describe, expect, it, vi } from 'vitest';
import { casesChanged, startClock, useSla } from '../src/state/store';

describe('the store', () => {
  it('turns a burst of pushes into one redraw of the board', () => {
    vi.useFakeTimers();
    try {
      const before = useSla.getState().revision;
      for (let i = 0; i < 500; i++) {
        casesChanged();
      }
      expect(useSla.getState().revision).toBe(before);
      vi.advanceTimersByTime(30);
      expect(useSla.getState().revision).toBe(before + 1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('drives the clock, toast expiry and row flashes from one timer', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    try {
      useSla.setState({
        toasts: [{ id: 'a', caseId: 'c', kind: 'warning', text: 't', until: 1_000_400 }, { id: 'b', caseId: 'c', kind: 'warning', text: 't', until: 1_009_000 }],
        flashes: { c: 1_000_300, d: 1_005_000 },
      });
      const stop = startClock();
      vi.advanceTimersByTime(500);
      const s = useSla.getState();
      expect(s.now).toBe(1_000_500);
      expect(s.toasts.map((t) => t.id)).toEqual(['b']);
      expect(s.flashes).toEqual({ d: 1_005_000 });
      stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
