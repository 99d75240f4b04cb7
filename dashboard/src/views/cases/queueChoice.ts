import type { Me } from '../../api/model';

/**
 * What the queue picker may offer. The hub refuses an agent a queue outside their user record, so an agent picks
 * from their own queues (GET /api/v1/me); supervisors, admins and integrations type any queue.
 */
export interface QueueChoice {
  /** Null: any queue may be typed. Otherwise the only queues there are to choose from. */
  allowed: string[] | null;
  /** The queues asked for (the address) that are on the board: an agent's foreign ones are left out. */
  shown: string[];
  /** Asked for but not the agent's: the board says so instead of showing a refusal. */
  refused: string[];
}

export function queueChoice(me: Me | null, asked: string[], fallback: string): QueueChoice {
  const restricted = me?.kind === 'user' && !me.seesAllCases;
  if (!restricted) {
    return { allowed: null, shown: asked.length > 0 ? asked : me?.queues?.length ? me.queues : [fallback], refused: [] };
  }
  const own = me.queues ?? [];
  const shown = asked.filter((q) => own.includes(q));
  return {
    allowed: own,
    shown: shown.length > 0 ? shown : own,
    refused: asked.filter((q) => !own.includes(q)),
  };
}
