import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../api/ApiError';
import type { CaseSnapshot } from '../../api/model';
import type { Held } from '../../live/CaseStore';
import { friendly } from '../../format/labels';
import { listCaseIds, onApiError, subscriptions } from '../../state/session';
import { cases, useSla } from '../../state/store';
import { CaseTable } from './CaseTable';
import { DEFAULT_SORT, distinct, FILTER_STATES, matches, milestoneColumns, sortCases, type CaseFilter, type SortKey } from './caseRows';
import { deleteView, loadViews, saveView, type SavedView } from './savedViews';
import { Summary } from './Summary';

export type Scope = { kind: 'mine' } | { kind: 'queues'; queues: string[] } | { kind: 'all' };

const MAX_CASE_SUBSCRIPTIONS = 900; // under the hub's 1,000 per connection, leaving room for queues and the tracker

/** Subscribes to what the scope covers and returns whether a case belongs on the board, and any loading error. */
function useScope(scope: Scope): { belongs: (s: CaseSnapshot) => boolean; error: string | null } {
  const key = useSla((s) => s.key);
  const me = useSla((s) => s.me);
  const connection = useSla((s) => s.connection);
  const [error, setError] = useState<string | null>(null);
  const queuesKey = scope.kind === 'queues' ? scope.queues.join('\n') : '';

  useEffect(() => {
    if (!key || connection !== 'connected') {
      return;
    }
    setError(null);
    const releases: (() => void)[] = [];
    let cancelled = false;
    if (scope.kind === 'queues') {
      for (const q of queuesKey.split('\n').filter(Boolean)) {
        releases.push(subscriptions.acquireQueue(q));
      }
    } else {
      // My cases: my owner group, which brings cases assigned to me later in any queue and tells me of those given
      // away; the hub answers it with my soonest cases only, so each listed case is subscribed to as well.
      // All open cases: every queue that holds one, which also brings cases opened there later.
      const query = scope.kind === 'mine' ? 'owner=me' : '';
      if (scope.kind === 'mine') {
        releases.push(subscriptions.acquireOwner('me'));
      }
      listCaseIds(key, query).then((listed) => {
        if (cancelled) {
          return;
        }
        const queues = new Set<string>();
        let single = 0;
        for (const item of listed) {
          if (scope.kind === 'all' && item.queue) {
            queues.add(item.queue);
          } else if (single++ < MAX_CASE_SUBSCRIPTIONS) {
            releases.push(subscriptions.acquireCase(item.caseId));
          }
        }
        for (const q of queues) {
          releases.push(subscriptions.acquireQueue(q));
        }
      }, (e: unknown) => {
        onApiError(e);
        if (!cancelled) {
          setError(e instanceof ApiError && e.status === 403 ? 'Your role may not list these cases.' : `Listing the cases failed: ${(e as Error).message}`);
        }
      });
    }
    return () => {
      cancelled = true;
      releases.forEach((release) => release());
    };
  }, [key, connection, scope.kind, queuesKey, me]);

  const belongs = useMemo(() => {
    const queues = new Set(queuesKey.split('\n'));
    return (s: CaseSnapshot) => !s.closed && (
      scope.kind === 'all' ||
      (scope.kind === 'queues' && !!s.queue && queues.has(s.queue)) ||
      (scope.kind === 'mine' && !!me && s.owner === me.id));
  }, [scope.kind, queuesKey, me]);
  return { belongs, error };
}

/** A board: My cases, some queues, or all open cases, with filters, sort, search and saved views. */
export function CasesView({ scope, title, children }: { scope: Scope; title: string; children?: ReactNode }) {
  const { belongs, error } = useScope(scope);
  const revision = useSla((s) => s.revision);
  const filter = useSla((s) => s.filter);
  const sort = useSla((s) => s.sort);
  // Milestone states change with time: a filter on them is re-evaluated every few seconds, not on every tick.
  const stateClock = useSla((s) => (filter.states.length > 0 ? Math.floor(s.now / 5000) : 0));

  const inScope = useMemo(() => cases.all().filter((h) => belongs(h.snapshot)),
    [revision, belongs]);
  const rows = useMemo(() => sortCases(inScope.filter((h) => matches(h, filter, Date.now() - h.skewMs)), sort),
    [inScope, filter, sort, stateClock]);
  const milestones = useMemo(() => milestoneColumns(inScope), [inScope]);

  const onSort = (key: SortKey) => useSla.setState((s) => ({
    sort: { key, descending: s.sort.key === key ? !s.sort.descending : false },
  }));

  return (
    <section className="board" aria-labelledby="board-title">
      <div className="board-head">
        <h2 id="board-title">{title}</h2>
        {children}
      </div>
      <Summary cases={inScope} />
      <Filters cases={inScope} />
      {error && <p className="error" role="alert">{error}</p>}
      <div className="count">
        <p aria-live="polite">{rows.length === inScope.length ? `${rows.length} open cases` : `${rows.length} of ${inScope.length} open cases match`}</p>
        {sort.key !== 'deadline' && <button type="button" onClick={() => useSla.setState({ sort: DEFAULT_SORT })}>Sort by next deadline</button>}
      </div>
      {rows.length > 0
        ? <CaseTable rows={rows} milestones={milestones} sort={sort} onSort={onSort} />
        : <p className="empty">{inScope.length > 0 ? 'No case matches the filters.' : 'No open cases here.'}</p>}
    </section>
  );
}

function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

function Filters({ cases: inScope }: { cases: Held[] }) {
  const filter = useSla((s) => s.filter);
  const priorities = useMemo(() => distinct(inScope, (s) => s.priority), [inScope]);
  const statuses = useMemo(() => distinct(inScope, (s) => s.status), [inScope]);
  const set = (next: Partial<CaseFilter>) => useSla.setState((s) => ({ filter: { ...s.filter, ...next } }));

  const group = (legend: string, values: string[], chosen: string[], label: (v: string) => string, apply: (v: string[]) => void) => (
    <fieldset className="filter-group">
      <legend>{legend}</legend>
      {values.map((v) => (
        <label key={v}>
          <input type="checkbox" checked={chosen.includes(v)} onChange={() => apply(toggle(chosen, v))} /> {label(v)}
        </label>
      ))}
    </fieldset>
  );

  return (
    <div className="filters">
      <div className="search">
        <label htmlFor="search">Search by id or subject</label>
        <input id="search" type="search" value={filter.search} onChange={(e) => set({ search: e.target.value })} />
      </div>
      {group('Priority', priorities, filter.priorities, (v) => v, (v) => set({ priorities: v }))}
      {group('Status', statuses, filter.statuses, friendly, (v) => set({ statuses: v }))}
      {group('Milestone state', [...FILTER_STATES], filter.states, (v) => v.charAt(0).toUpperCase() + v.slice(1), (v) => set({ states: v as CaseFilter['states'] }))}
      <SavedViews />
    </div>
  );
}

function SavedViews() {
  const location = useLocation();
  const navigate = useNavigate();
  const [views, setViews] = useState<SavedView[]>(loadViews);
  const [name, setName] = useState('');

  function apply(view: SavedView) {
    useSla.setState({ filter: view.filter, sort: view.sort });
    void navigate(view.path);
  }

  return (
    <fieldset className="filter-group saved-views">
      <legend>Saved views</legend>
      {views.map((v) => (
        <span key={v.name} className="saved-view">
          <button type="button" onClick={() => apply(v)}>{v.name}</button>
          <button type="button" className="link" aria-label={`Delete view ${v.name}`} onClick={() => setViews(deleteView(v.name))}>Delete</button>
        </span>
      ))}
      <form onSubmit={(e) => {
        e.preventDefault();
        if (name.trim()) {
          const { filter, sort } = useSla.getState();
          setViews(saveView({ name: name.trim(), path: location.pathname + location.search, filter, sort }));
          setName('');
        }
      }}>
        <label htmlFor="view-name">View name</label>
        <input id="view-name" value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit">Save view</button>
      </form>
    </fieldset>
  );
}
