import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/api/ApiError';
import { describedBy, fieldId, messagesFor, toFailure } from '../src/views/admin/fieldErrors';

describe('admin field errors', () => {
  const problem = new ApiError(400, {
    title: 'One or more validation errors occurred.',
    errors: { 'weekly.monday[0].start': ["'25:00' is not a time of day."], timeZone: ['Not an IANA time zone.'] },
  });

  it('keeps a 400\'s messages by the field they name', () => {
    const failure = toFailure(problem);
    expect(messagesFor(failure.fields, 'weekly.monday[0].start')).toEqual(["'25:00' is not a time of day."]);
    expect(messagesFor(failure.fields, 'timezone')).toEqual(['Not an IANA time zone.']);
    expect(messagesFor(failure.fields, 'weekly.monday[1].start')).toEqual([]);
  });

  it('says a 409 in words when no field is named', () => {
    const failure = toFailure(new ApiError(409, { title: 'Still in use', detail: "The process 'standard' is still used by entitlement 'gold'." }));
    expect(failure.fields).toEqual({});
    expect(failure.message).toBe("The process 'standard' is still used by entitlement 'gold'.");
  });

  it('gives every path an id of its own and links the error to the input', () => {
    expect(fieldId('cal', 'weekly.monday[0].start')).toBe('cal-weekly-monday-0-start');
    expect(fieldId('cal', 'weekly.monday[1].start')).not.toBe(fieldId('cal', 'weekly.monday[0].start'));
    const failure = toFailure(problem);
    expect(describedBy('cal', failure.fields, 'weekly.monday[0].start')).toEqual({
      id: 'cal-weekly-monday-0-start', 'aria-invalid': true, 'aria-describedby': 'cal-weekly-monday-0-start-error',
    });
    expect(describedBy('cal', failure.fields, 'weekly.monday[0].end')['aria-describedby']).toBeUndefined();
  });
});
