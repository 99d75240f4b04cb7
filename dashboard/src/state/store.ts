import { create } from 'zustand';
import type { Me } from '../api/model';
import type { ConnectionState } from '../live/Live';
import { CaseStore } from '../live/CaseStore';
import { browserZone, isZone } from '../format/time';
import { DEFAULT_SORT, NO_FILTER, type CaseFilter, type CaseSort } from '../views/cases/caseRows';

export interface Toast {
  id: string;
  caseId: string;
  kind: 'warning' | 'violated';
  text: string;
  until: number;
}

export interface SlaState {
  key: string | null;
  me: Me | null;
  signInMessage: string | null;
  connection: ConnectionState;
  /** Bumped whenever `cases` takes a snapshot, so views re-derive their rows. */
  revision: number;
  /** The one clock every countdown reads: the tick below sets it four times a second. */
  now: number;
  toasts: Toast[];
  /** Case id → until when its row flashes. */
  flashes: Record<string, number>;
  zone: string;
  sound: boolean;
  watched: string[];
  /** The board's filter and sort, shared by its views so switching view keeps them. */
  filter: CaseFilter;
  sort: CaseSort;
}

export const KEY_STORAGE = 'slagrains.apiKey';
const PREFS_STORAGE = 'slagrains.prefs';

interface Prefs {
  zone: string;
  sound: boolean;
  watched: string[];
}

function loadPrefs(): Prefs {
  try {
    const p = JSON.parse(localStorage.getItem(PREFS_STORAGE) ?? '{}') as Partial<Prefs>;
    return {
      zone: p.zone && isZone(p.zone) ? p.zone : browserZone(),
      sound: p.sound === true,
      watched: Array.isArray(p.watched) ? p.watched.filter((q) => typeof q === 'string') : [],
    };
  } catch {
    return { zone: browserZone(), sound: false, watched: [] };
  }
}

/**
 * The cases on screen. Mutable on purpose: a queue subscription brings hundreds of snapshots at once, and copying a
 * map of 10,000 per snapshot would be quadratic; `revision` tells React when it changed.
 */
export const cases = new CaseStore();

const prefs = loadPrefs();
export const useSla = create<SlaState>(() => ({
  key: sessionStorage.getItem(KEY_STORAGE),
  me: null,
  signInMessage: null,
  connection: 'disconnected',
  revision: 0,
  now: Date.now(),
  toasts: [],
  flashes: {},
  filter: NO_FILTER,
  sort: DEFAULT_SORT,
  ...prefs,
}));

useSla.subscribe((state, previous) => {
  if (state.zone !== previous.zone || state.sound !== previous.sound || state.watched !== previous.watched) {
    localStorage.setItem(PREFS_STORAGE, JSON.stringify({ zone: state.zone, sound: state.sound, watched: state.watched }));
  }
});

let flushing: ReturnType<typeof setTimeout> | undefined;

/**
 * Tells the views that `cases` changed. A burst of pushes (a calendar opening restarts hundreds of clocks) becomes one
 * re-derivation of the board 30 ms later, not one per snapshot: sorting 10,000 rows per push would stall frames.
 */
export function casesChanged(): void {
  flushing ??= setTimeout(() => {
    flushing = undefined;
    useSla.setState((s) => ({ revision: s.revision + 1 }));
  }, 30);
}

/** The single timer: countdowns, toast expiry and row flashes all follow `now`. */
export function startClock(intervalMs = 250): () => void {
  const id = setInterval(() => {
    const now = Date.now();
    useSla.setState((s) => {
      const toasts = s.toasts.some((t) => t.until <= now) ? s.toasts.filter((t) => t.until > now) : s.toasts;
      const expired = Object.entries(s.flashes).filter(([, until]) => until <= now);
      const flashes = expired.length > 0
        ? Object.fromEntries(Object.entries(s.flashes).filter(([, until]) => until > now))
        : s.flashes;
      return { now, toasts, flashes };
    });
  }, intervalMs);
  return () => clearInterval(id);
}
