import { describe, expect, it } from 'vitest';
import type { CalendarRead } from '../src/api/admin';
import { minuteOfDay, newDraft, openMinutes, toDefinition, toDraft, weeklyHours } from '../src/views/admin/calendarDraft';

const stored: CalendarRead = {
  calendarId: 'uk',
  updatedAt: '2026-01-01T00:00:00Z',
  name: 'UK office',
  timeZone: 'Europe/London',
  weekly: {
    monday: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:30' }],
    friday: [{ start: '20:00', end: '24:00' }],
  },
  holidays: [
    { date: '2025-12-25', name: 'Christmas Day', recurring: true },
    { date: '2025-12-24', name: 'Christmas Eve', recurring: false, closed: [{ start: '12:00', end: '24:00' }] },
  ],
};

describe('the weekly grid and the API shape', () => {
  it('round-trips a split day, a 24:00 end and both kinds of holiday', () => {
    const body = toDefinition(toDraft(stored));
    expect(body).toEqual({
      name: 'UK office',
      timeZone: 'Europe/London',
      weekly: {
        monday: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:30' }],
        friday: [{ start: '20:00', end: '24:00' }],
      },
      holidays: [
        { date: '2025-12-25', name: 'Christmas Day', recurring: true },
        { date: '2025-12-24', name: 'Christmas Eve', recurring: false, closed: [{ start: '12:00', end: '24:00' }] },
      ],
    });
  });

  it('keeps each span at its index, so weekly.monday[1] errors land on the second Monday span', () => {
    const draft = toDraft(stored);
    draft.days.monday[1] = { start: '13:00', end: '' };
    expect(toDefinition(draft).weekly?.monday?.[1]).toEqual({ start: '13:00', end: '' });
  });

  it('sends a 24x7 calendar without weekly hours, and a whole-day holiday without closed spans', () => {
    const draft = toDraft(stored);
    draft.alwaysOpen = true;
    draft.holidays[1].wholeDay = true;
    const body = toDefinition(draft);
    expect(body.alwaysOpen).toBe(true);
    expect(body.weekly).toBeUndefined();
    expect(body.holidays?.[1]).toEqual({ date: '2025-12-24', name: 'Christmas Eve', recurring: false });
  });

  it('starts a new calendar as weekday office hours in the given zone', () => {
    const body = toDefinition(newDraft('America/New_York'));
    expect(body.timeZone).toBe('America/New_York');
    expect(Object.keys(body.weekly ?? {})).toEqual(['monday', 'tuesday', 'wednesday', 'thursday', 'friday']);
    expect(body.weekly?.monday).toEqual([{ start: '09:00', end: '17:00' }]);
  });

  it('draws the week from the spans: 24:00 is the end of the day, bad or empty spans are not drawn', () => {
    expect(minuteOfDay('24:00')).toBe(1440);
    expect(minuteOfDay('24:01')).toBeNull();
    expect(minuteOfDay('9:00')).toBeNull();
    const draft = toDraft(stored);
    draft.days.tuesday = [{ start: '10:00', end: '10:00' }, { start: 'x', end: '11:00' }];
    const spans = openMinutes(draft);
    expect(spans.monday).toEqual([{ from: 540, to: 720 }, { from: 780, to: 1050 }]);
    expect(spans.friday).toEqual([{ from: 1200, to: 1440 }]);
    expect(spans.tuesday).toEqual([]);
    expect(weeklyHours(draft)).toBe(3 + 4.5 + 4);
  });
});
