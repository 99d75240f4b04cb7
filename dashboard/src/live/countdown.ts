import type { Milestone } from '../api/model';

/**
 * How a milestone looks at a moment, computed in the browser from the last snapshot alone: the server pushes changes,
 * never ticks. A running clock counts from the snapshot's `asOf` until `nextClockChangeAt` (the calendar closing),
 * and freezes there until the server pushes the new state; a paused, stopped or finished clock does not move.
 */
export type Tone = 'green' | 'amber' | 'red' | 'done' | 'late' | 'canceled';

export interface Countdown {
  /** Seconds left until the target; negative once overdue. */
  seconds: number;
  /** Business seconds elapsed so far: moves with the clock, so elapsed and left always add up to the target. */
  elapsed: number;
  /** Whether the clock is moving at this moment. */
  running: boolean;
  tone: Tone;
  /** What the clock is doing, for people: counting, overdue, paused, outside hours, done. */
  label: string;
}

export function countdown(m: Milestone, asOfMs: number, nowMs: number): Countdown {
  const base = m.remainingSeconds - m.overdueSeconds;
  if (m.status === 'Completed' || m.status === 'CompletedLate' || m.status === 'Canceled') {
    const tone: Tone = m.status === 'Completed' ? 'done' : m.status === 'CompletedLate' ? 'late' : 'canceled';
    return { seconds: base, elapsed: m.elapsedSeconds, running: false, tone, label: m.status === 'Canceled' ? 'canceled' : 'done' };
  }

  const changeMs = m.nextClockChangeAt ? Date.parse(m.nextClockChangeAt) : Number.POSITIVE_INFINITY;
  const movingUntil = Math.min(nowMs, changeMs);
  const running = m.clockRunning && nowMs < changeMs;
  const passed = m.clockRunning ? Math.max(0, movingUntil - asOfMs) / 1000 : 0;
  const seconds = base - Math.floor(passed);

  const tone: Tone = m.isViolated || seconds <= 0 ? 'red'
    : m.warningSeconds !== null && seconds <= m.warningSeconds ? 'amber'
    : 'green';
  const label = m.status === 'Paused' ? 'paused'
    : !running ? 'outside hours'
    : seconds <= 0 ? 'overdue'
    : 'counting';
  return { seconds, elapsed: m.elapsedSeconds + Math.floor(passed), running, tone, label };
}

/** 2:05:09, 4:07, or +12:30 when overdue (counting up). */
export function formatSeconds(seconds: number): string {
  const sign = seconds < 0 ? '+' : '';
  let rest = Math.abs(Math.trunc(seconds));
  const days = Math.floor(rest / 86400);
  rest -= days * 86400;
  const h = Math.floor(rest / 3600);
  const m = Math.floor((rest % 3600) / 60);
  const s = rest % 60;
  const mmss = `${String(m).padStart(h > 0 || days > 0 ? 2 : 1, '0')}:${String(s).padStart(2, '0')}`;
  const hours = days > 0 ? `${days}d ${String(h).padStart(2, '0')}:` : h > 0 ? `${h}:` : '';
  return `${sign}${hours}${mmss}`;
}

/** The open milestone whose deadline comes first: what a queue row shows. */
export function nearest(milestones: Milestone[]): Milestone | undefined {
  return milestones
    .filter((m) => m.status === 'InProgress' || m.status === 'Paused' || m.status === 'Violated')
    .sort((a, b) => due(a) - due(b))[0];
}

function due(m: Milestone): number {
  return m.targetAt ? Date.parse(m.targetAt) : Number.POSITIVE_INFINITY;
}
