import type { MilestoneState } from '../views/cases/caseRows';

// Inline SVG rather than symbol characters: Debian's default fonts lack several of them (they showed as boxes).
const PATHS: Record<MilestoneState | 'late' | 'canceled', string> = {
  ok: 'M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20zm0 2a8 8 0 1 1 0 16a8 8 0 1 1 0-16zm-1 3v6l5 3 1-1.7-4-2.3V7z',
  warning: 'M12 2 1 21h22L12 2zm0 4 7.5 13h-15L12 6zm-1 4v5h2v-5h-2zm0 6v2h2v-2h-2z',
  violated: 'M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20zm-1 5h2v7h-2V7zm0 9h2v2h-2v-2z',
  paused: 'M7 5h4v14H7V5zm6 0h4v14h-4V5z',
  stopped: 'M6 6h12v12H6V6z',
  done: 'M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4L9 16.2z',
  late: 'M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4L9 16.2zM19 13h2v5h-2v-5zm0 6h2v2h-2v-2z',
  canceled: 'M18.3 5.7 12 12l6.3 6.3-1.4 1.4L10.6 13.4 4.3 19.7 2.9 18.3 9.2 12 2.9 5.7l1.4-1.4 6.3 6.3 6.3-6.3z',
};

export type IconName = keyof typeof PATHS;

/** A decorative icon: the text next to it says the same, for screen readers and without colour. */
export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
