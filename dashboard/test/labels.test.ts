import { describe, expect, it } from 'vitest';
import { friendly, milestoneLabel } from '../src/format/labels';
import { formatInstant } from '../src/format/time';

describe('labels', () => {
  it('reads statuses as words, never as enum names', () => {
    expect(milestoneLabel('InProgress')).toBe('In progress');
    expect(milestoneLabel('CompletedLate')).toBe('Completed late');
    expect(friendly('InProgress')).toBe('In progress');
    expect(friendly('on_hold')).toBe('On hold');
    expect(friendly('Waiting on Customer')).toBe('Waiting on Customer');
  });

  it('shows instants in the chosen zone, naming it', () => {
    expect(formatInstant('2025-03-03T14:05:00Z', 'America/New_York')).toBe('3 Mar 2025, 09:05 GMT-5');
    expect(formatInstant('2025-07-03T14:05:00Z', 'Europe/London')).toBe('3 Jul 2025, 15:05 BST');
    expect(formatInstant(null, 'UTC')).toBe('—');
  });
});
