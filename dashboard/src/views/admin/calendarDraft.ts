import { WEEKDAYS, type CalendarDefinition, type CalendarRead, type Holiday, type TimeRange, type Weekday } from '../../api/admin';

/** A holiday as the form edits it: whole day, or only the `closed` spans. */
export interface HolidayDraft {
  date: string;
  name: string;
  recurring: boolean;
  wholeDay: boolean;
  closed: TimeRange[];
}

/**
 * The calendar editor's state. Every weekday holds its spans in the order sent, so the API's error paths
 * (`weekly.monday[1].end`, `holidays[0].closed[0].start`) point at the row the admin typed.
 */
export interface CalendarDraft {
  name: string;
  timeZone: string;
  alwaysOpen: boolean;
  days: Record<Weekday, TimeRange[]>;
  holidays: HolidayDraft[];
}

function emptyDays(): Record<Weekday, TimeRange[]> {
  return Object.fromEntries(WEEKDAYS.map((d) => [d, []])) as unknown as Record<Weekday, TimeRange[]>;
}

/** A new calendar starts as office hours, Monday to Friday 09:00–17:00, the commonest case. */
export function newDraft(timeZone: string): CalendarDraft {
  const days = emptyDays();
  for (const d of WEEKDAYS.slice(0, 5)) {
    days[d] = [{ start: '09:00', end: '17:00' }];
  }
  return { name: '', timeZone, alwaysOpen: false, days, holidays: [] };
}

export function toDraft(calendar: CalendarRead): CalendarDraft {
  const days = emptyDays();
  for (const d of WEEKDAYS) {
    days[d] = (calendar.weekly?.[d] ?? []).map((r) => ({ ...r }));
  }
  return {
    name: calendar.name ?? '',
    timeZone: calendar.timeZone,
    alwaysOpen: calendar.alwaysOpen ?? false,
    days,
    holidays: (calendar.holidays ?? []).map((h) => ({
      date: h.date,
      name: h.name ?? '',
      recurring: h.recurring ?? false,
      wholeDay: !h.closed || h.closed.length === 0,
      closed: (h.closed ?? []).map((r) => ({ ...r })),
    })),
  };
}

/** The PUT body: a 24x7 calendar sends no weekly hours (the API refuses both), days without spans are left out. */
export function toDefinition(draft: CalendarDraft): CalendarDefinition {
  const holidays: Holiday[] = draft.holidays.map((h) => ({
    date: h.date,
    ...(h.name.trim() ? { name: h.name.trim() } : {}),
    recurring: h.recurring,
    ...(h.wholeDay ? {} : { closed: h.closed }),
  }));
  const definition: CalendarDefinition = { name: draft.name, timeZone: draft.timeZone.trim(), holidays };
  if (draft.alwaysOpen) {
    return { ...definition, alwaysOpen: true };
  }
  const weekly = Object.fromEntries(WEEKDAYS.filter((d) => draft.days[d].length > 0).map((d) => [d, draft.days[d]]));
  return { ...definition, weekly };
}

/** Minutes after local midnight of `HH:mm`, `24:00` being the day's end; null for anything else. */
export function minuteOfDay(time: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m) {
    return null;
  }
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return Number(m[2]) < 60 && minutes <= 24 * 60 ? minutes : null;
}

/** Each weekday's open spans as minutes, for drawing the week; spans that do not parse or are empty are left out. */
export function openMinutes(draft: CalendarDraft): Record<Weekday, { from: number; to: number }[]> {
  const result = emptyDays() as unknown as Record<Weekday, { from: number; to: number }[]>;
  for (const d of WEEKDAYS) {
    result[d] = draft.alwaysOpen
      ? [{ from: 0, to: 1440 }]
      : draft.days[d]
        .map((r) => ({ from: minuteOfDay(r.start), to: minuteOfDay(r.end) }))
        .filter((r): r is { from: number; to: number } => r.from !== null && r.to !== null && r.to > r.from);
  }
  return result;
}

/** Open hours in a week, as the preview's caption says them. */
export function weeklyHours(draft: CalendarDraft): number {
  const spans = openMinutes(draft);
  return WEEKDAYS.reduce((sum, d) => sum + spans[d].reduce((s, r) => s + r.to - r.from, 0), 0) / 60;
}
