import type { Milestone } from '../api/model';
import type { Held } from '../live/CaseStore';
import { countdown, formatSeconds } from '../live/countdown';
import { useSla } from '../state/store';

/** A milestone's elapsed business time, moving on the store's one clock beside its countdown. */
export function MilestoneElapsed({ held, milestone }: { held: Held; milestone: Milestone }) {
  const now = useSla((s) => s.now);
  return <>{formatSeconds(countdown(milestone, held.asOfMs, now - held.skewMs).elapsed)}</>;
}
