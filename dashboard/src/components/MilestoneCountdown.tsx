import type { Milestone } from '../api/model';
import type { Held } from '../live/CaseStore';
import { countdown, formatSeconds } from '../live/countdown';
import { useSla } from '../state/store';
import { milestoneState, type MilestoneState } from '../views/cases/caseRows';
import { Icon } from './Icon';

const WORDS: Record<MilestoneState, string> = {
  ok: 'on track', warning: 'warning', violated: 'violated', paused: 'paused', stopped: 'stopped', done: 'done',
};

/**
 * A live countdown: reads the store's one clock, so every countdown on screen moves on the same tick. Says its state
 * in words and an icon as well as colour.
 */
export function MilestoneCountdown({ held, milestone }: { held: Held; milestone: Milestone }) {
  const now = useSla((s) => s.now);
  const c = countdown(milestone, held.asOfMs, now - held.skewMs);
  const state = milestoneState(milestone, held, now);
  const icon = state === 'done'
    ? (milestone.status === 'CompletedLate' ? 'late' : milestone.status === 'Canceled' ? 'canceled' : 'done')
    : state;
  const word = state === 'done'
    ? (milestone.status === 'CompletedLate' ? 'done late' : milestone.status === 'Canceled' ? 'canceled' : 'done')
    : state === 'ok' && !c.running ? 'outside hours' : WORDS[state];
  return (
    <span className="countdown" data-tone={c.tone} data-state={state}>
      <Icon name={icon} />
      {/* An ended milestone has no time left to show; its outcome is the word. */}
      <span className="time">{state === 'done' ? '' : formatSeconds(c.seconds)}</span>
      <span className="state">{word}</span>
    </span>
  );
}
