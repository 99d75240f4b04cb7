import type { ActionDefinition, MilestoneDefinition, ProcessDefinition, ProcessRead, Recurrence } from '../../api/admin';
import type { FieldErrors } from './fieldErrors';

export interface ActionDraft {
  when: ActionDefinition['when'];
  type: ActionDefinition['type'];
  /** The type's own fields (set, to, subject, setQueue, warning, dueInMinutes, offsetMinutes...) as JSON. */
  details: string;
}

export interface WarningDraft {
  kind: 'atPercent' | 'beforeTargetMinutes';
  value: string;
}

export interface MilestoneDraft {
  /** What the form does not edit (startedBy, pausedStatuses, a milestone calendar) goes back unchanged. */
  rest: Record<string, unknown>;
  name: string;
  minutes: string;
  byPriority: { priority: string; minutes: string }[];
  criteria: { field: string; values: string }[];
  recurrence: Recurrence;
  completedBy: string;
  warnings: WarningDraft[];
  actions: ActionDraft[];
}

export interface ProcessDraft {
  rest: Record<string, unknown>;
  name: string;
  description: string;
  calendarId: string;
  active: boolean;
  milestones: MilestoneDraft[];
}

const READ_ONLY = ['processId', 'version', 'createdAt'];

function omit(source: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(source).filter(([k]) => !keys.includes(k)));
}

export function newMilestone(): MilestoneDraft {
  return { rest: {}, name: '', minutes: '60', byPriority: [], criteria: [], recurrence: 'none', completedBy: '', warnings: [], actions: [] };
}

export function newProcessDraft(): ProcessDraft {
  return { rest: {}, name: '', description: '', calendarId: '', active: true, milestones: [{ ...newMilestone(), name: 'First Response', completedBy: 'agentReplied' }] };
}

function milestoneDraft(m: MilestoneDefinition): MilestoneDraft {
  return {
    rest: omit(m, ['name', 'minutes', 'minutesByPriority', 'criteria', 'recurrence', 'completedBy', 'warnings', 'actions']),
    name: m.name,
    minutes: String(m.minutes ?? 0),
    byPriority: Object.entries(m.minutesByPriority ?? {}).map(([priority, minutes]) => ({ priority, minutes: String(minutes) })),
    criteria: Object.entries(m.criteria ?? {}).map(([field, values]) => ({ field, values: values.join(', ') })),
    recurrence: m.recurrence ?? 'none',
    completedBy: (m.completedBy ?? []).join(', '),
    warnings: (m.warnings ?? []).map((w) => (w.atPercent != null ? { kind: 'atPercent', value: String(w.atPercent) } : { kind: 'beforeTargetMinutes', value: String(w.beforeTargetMinutes ?? '') })),
    actions: (m.actions ?? []).map(({ when, type, ...details }) => {
      // Reads name every field of every action type, null where unused: show only those set.
      const set = Object.entries(details).filter(([, v]) => v !== null && v !== undefined);
      return { when, type, details: set.length === 0 ? '' : JSON.stringify(Object.fromEntries(set)) };
    }),
  };
}

export function toProcessDraft(process: ProcessRead): ProcessDraft {
  return {
    rest: omit(process, [...READ_ONLY, 'name', 'description', 'calendarId', 'active', 'milestones']),
    name: process.name,
    description: process.description ?? '',
    calendarId: process.calendarId ?? '',
    active: process.active ?? true,
    milestones: process.milestones.map(milestoneDraft),
  };
}

/** A whole number as typed, else the text itself, so the API names the field rather than the form guessing. */
function number(text: string): number | string {
  return /^-?\d+$/.test(text.trim()) ? Number(text.trim()) : text;
}

function list(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}

/**
 * The PUT body, or errors keyed like the API's for what cannot be sent at all (an action's details that are not a
 * JSON object), so they show on the same field.
 */
export function toProcessDefinition(draft: ProcessDraft): { body: ProcessDefinition; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const milestones = draft.milestones.map((m, i): MilestoneDefinition => {
    const at = `milestones[${i}]`;
    const actions = m.actions.map((a, j): ActionDefinition => {
      let details: Record<string, unknown> = {};
      if (a.details.trim()) {
        try {
          const parsed: unknown = JSON.parse(a.details);
          if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
            throw new Error('not an object');
          }
          details = parsed as Record<string, unknown>;
        } catch {
          errors[`${at}.actions[${j}].details`] = ['Write the action\'s other fields as a JSON object, like {"set": {"status": "Resolved"}}.'];
        }
      }
      return { ...details, when: a.when, type: a.type };
    });
    return {
      ...m.rest,
      name: m.name,
      minutes: number(m.minutes) as number,
      ...(m.byPriority.length ? { minutesByPriority: Object.fromEntries(m.byPriority.map((p) => [p.priority.trim(), number(p.minutes) as number])) } : {}),
      ...(m.criteria.length ? { criteria: Object.fromEntries(m.criteria.map((c) => [c.field.trim(), list(c.values)])) } : {}),
      recurrence: m.recurrence,
      ...(list(m.completedBy).length ? { completedBy: list(m.completedBy) } : {}),
      ...(m.warnings.length ? { warnings: m.warnings.map((w) => ({ [w.kind]: number(w.value) as number })) } : {}),
      ...(actions.length ? { actions } : {}),
    };
  });
  const body: ProcessDefinition = {
    ...draft.rest,
    name: draft.name,
    ...(draft.description.trim() ? { description: draft.description } : {}),
    ...(draft.calendarId.trim() ? { calendarId: draft.calendarId.trim() } : {}),
    active: draft.active,
    milestones,
  };
  return { body, errors };
}
