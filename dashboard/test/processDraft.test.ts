import { describe, expect, it } from 'vitest';
import type { ProcessRead } from '../src/api/admin';
import { jsonDiff } from '../src/views/admin/jsonDiff';
import { toProcessDefinition, toProcessDraft } from '../src/views/admin/processDraft';

const standard: ProcessRead = {
  processId: 'standard',
  version: 3,
  createdAt: '2026-01-01T00:00:00Z',
  name: 'Standard',
  active: true,
  startsFrom: 'caseCreated',
  calendarId: 'uk',
  milestones: [{
    name: 'First Response',
    minutes: 60,
    minutesByPriority: { Urgent: 15, High: 30 },
    criteria: { priority: ['High', 'Urgent'] },
    recurrence: 'independent',
    startedBy: ['customerReplied'],
    completedBy: ['agentReplied'],
    warnings: [{ atPercent: 50 }, { beforeTargetMinutes: 5 }],
    actions: [{ when: 'success', type: 'fieldUpdate', set: { status: 'Resolved' } }, { when: 'violation', type: 'webhook' }],
  }],
};

describe('the process form and the API shape', () => {
  it('sends back what it read, read-only fields left out and fields it does not edit kept', () => {
    const { body, errors } = toProcessDefinition(toProcessDraft(standard));
    expect(errors).toEqual({});
    const { processId, version, createdAt, ...definition } = standard;
    expect([processId, version, createdAt]).toHaveLength(3);
    expect(body).toEqual(definition);
  });

  it('turns edited rows into the per-priority map, criteria lists, warnings and actions', () => {
    const draft = toProcessDraft(standard);
    const m = draft.milestones[0];
    m.byPriority = [{ priority: 'Low', minutes: '480' }];
    m.criteria = [{ field: 'queue', values: 'Tier 1, Tier 2 ,' }];
    m.warnings = [{ kind: 'beforeTargetMinutes', value: '10' }];
    m.actions = [{ when: 'warning', type: 'email', details: '{"to": ["owner"], "subject": "Soon"}' }];
    m.recurrence = 'none';
    const { body } = toProcessDefinition(draft);
    expect(body.milestones[0]).toMatchObject({
      minutesByPriority: { Low: 480 },
      criteria: { queue: ['Tier 1', 'Tier 2'] },
      warnings: [{ beforeTargetMinutes: 10 }],
      actions: [{ when: 'warning', type: 'email', to: ['owner'], subject: 'Soon' }],
      recurrence: 'none',
    });
  });

  it('shows only the fields an action sets, as a read names every action field with null', () => {
    const read = { ...standard, milestones: [{ ...standard.milestones[0], actions: [{ when: 'violation', type: 'webhook', set: null, to: null, offsetMinutes: null }, { when: 'violation', type: 'escalate', setQueue: 'Tier 2', set: null }] }] } as ProcessRead;
    expect(toProcessDraft(read).milestones[0].actions.map((a) => a.details)).toEqual(['', '{"setQueue":"Tier 2"}']);
  });

  it('names an action whose other fields are not a JSON object, as the API would name a field', () => {
    const draft = toProcessDraft(standard);
    draft.milestones[0].actions[1].details = '["nope"]';
    expect(Object.keys(toProcessDefinition(draft).errors)).toEqual(['milestones[0].actions[1].details']);
  });
});

describe('the version diff', () => {
  it('lists each changed, added and removed field by path, ignoring what always differs', () => {
    const next: ProcessRead = {
      ...standard,
      version: 4,
      createdAt: '2026-02-01T00:00:00Z',
      active: false,
      milestones: [{ ...standard.milestones[0], minutes: 90, warnings: [{ atPercent: 50 }] }],
    };
    expect(jsonDiff(standard, next, ['version', 'createdAt'])).toEqual([
      { path: 'active', before: 'true', after: 'false' },
      { path: 'milestones[0].minutes', before: '60', after: '90' },
      { path: 'milestones[0].warnings[1].beforeTargetMinutes', before: '5', after: undefined },
    ]);
    expect(jsonDiff(standard, { ...standard, version: 9 }, ['version', 'createdAt'])).toEqual([]);
  });
});
