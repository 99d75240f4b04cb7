import { describe, expect, it } from 'vitest';
import { describeProblem } from '../src/api/ApiError';

describe('describeProblem', () => {
  it('names each field with its messages after the title', () => {
    expect(describeProblem(400, { title: 'The request is invalid', errors: { milestone: ['No such milestone.'], occurredAt: ['Too far ahead.'] } }))
      .toBe('The request is invalid. milestone: No such milestone.; occurredAt: Too far ahead.');
  });

  it('prefers the detail when no field is named, and the status when nothing is said', () => {
    expect(describeProblem(409, { title: 'Conflict', detail: 'The case is closed.' })).toBe('The case is closed.');
    expect(describeProblem(502, {})).toBe('The server answered 502.');
  });
});
