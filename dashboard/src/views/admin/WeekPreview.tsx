import { WEEKDAYS } from '../../api/admin';
import { openMinutes, weeklyHours, type CalendarDraft } from './calendarDraft';

const label = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** The week as drawn from the form (not yet saved): one bar per weekday, business spans shaded. */
export function WeekPreview({ draft }: { draft: CalendarDraft }) {
  const spans = openMinutes(draft);
  return (
    <figure className="week-figure">
      <figcaption>The week: {weeklyHours(draft)} business hours ({draft.timeZone || 'no zone'})</figcaption>
      <div className="week">
        {WEEKDAYS.map((d) => (
          <div key={d} className="contents" style={{ display: 'contents' }}>
            <span className="day">{d[0].toUpperCase() + d.slice(1)}</span>
            <div className="bar" role="img" aria-label={`${d}: ${spans[d].length === 0 ? 'closed' : spans[d].map((r) => `${label(r.from)}–${label(r.to)}`).join(', ')}`} data-day={d}>
              {spans[d].map((r) => (
                <span key={`${r.from}-${r.to}`} className="span" style={{ left: `${(r.from / 1440) * 100}%`, width: `${((r.to - r.from) / 1440) * 100}%` }} />
              ))}
            </div>
          </div>
        ))}
      </div>
    </figure>
  );
}
