import type { MilestoneStatus } from '../api/model';

const MILESTONE: Record<MilestoneStatus, string> = {
  InProgress: 'In progress',
  Paused: 'Paused',
  Completed: 'Completed',
  Violated: 'Violated',
  CompletedLate: 'Completed late',
  Canceled: 'Canceled',
};

export function milestoneLabel(status: MilestoneStatus): string {
  return MILESTONE[status] ?? friendly(status);
}

/**
 * Case statuses are the integration's own words ("Waiting on Customer"); some systems send enum names
 * (`InProgress`, `on_hold`), which read better as words.
 */
export function friendly(text: string | null | undefined): string {
  if (!text) {
    return '';
  }
  if (/\s/.test(text)) {
    return text;
  }
  const words = text.replace(/[_-]+/g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
