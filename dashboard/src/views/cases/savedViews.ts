import type { CaseFilter, CaseSort } from './caseRows';

/** A board the user named: where it points (`/mine`, `/queues?q=Tier 1`, `/all`), its filter and sort. */
export interface SavedView {
  name: string;
  path: string;
  filter: CaseFilter;
  sort: CaseSort;
}

const STORAGE = 'slagrains.views';

export function loadViews(): SavedView[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE) ?? '[]');
    return Array.isArray(parsed) ? (parsed as SavedView[]).filter((v) => typeof v?.name === 'string' && typeof v.path === 'string') : [];
  } catch {
    return [];
  }
}

/** Saves (or replaces, by name) a view; views are this browser's, as Zendesk's personal views are the agent's. */
export function saveView(view: SavedView): SavedView[] {
  const views = [...loadViews().filter((v) => v.name !== view.name), view].sort((a, b) => a.name.localeCompare(b.name));
  localStorage.setItem(STORAGE, JSON.stringify(views));
  return views;
}

export function deleteView(name: string): SavedView[] {
  const views = loadViews().filter((v) => v.name !== name);
  localStorage.setItem(STORAGE, JSON.stringify(views));
  return views;
}
