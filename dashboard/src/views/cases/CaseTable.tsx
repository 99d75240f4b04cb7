import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { Held } from '../../live/CaseStore';
import { MilestoneCountdown } from '../../components/MilestoneCountdown';
import { friendly } from '../../format/labels';
import { useSla } from '../../state/store';
import { milestoneNamed, type CaseSort, type SortKey } from './caseRows';

interface Column {
  key: SortKey;
  label: string;
  cell: (held: Held) => ReactNode;
}

const FIELDS: Column[] = [
  { key: 'caseId', label: 'Case', cell: () => null }, // the link, drawn by the row
  { key: 'subject', label: 'Subject', cell: (h) => h.snapshot.subject ?? '' },
  { key: 'status', label: 'Status', cell: (h) => friendly(h.snapshot.status) },
  { key: 'priority', label: 'Priority', cell: (h) => h.snapshot.priority ?? '' },
  { key: 'owner', label: 'Owner', cell: (h) => h.snapshot.owner ?? 'Unassigned' },
  { key: 'account', label: 'Account', cell: (h) => h.snapshot.accountId ?? '' },
  { key: 'entitlement', label: 'Entitlement', cell: (h) => h.snapshot.entitlementId ?? 'None' },
];

const ROW_HEIGHT = 44;

/**
 * The board's rows, virtualized: only the rows in view (and a few around) are in the DOM, so 10,000 cases cost what
 * 40 do. Cells are found by column key, never by position.
 */
export function CaseTable({ rows, milestones, sort, onSort }: {
  rows: Held[];
  milestones: string[];
  sort: CaseSort;
  onSort: (key: SortKey) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const flashes = useSla((s) => s.flashes);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8,
    // Rows on the first render, before the scroller is measured.
    initialRect: { width: 1200, height: 600 } });
  const items = virtualizer.getVirtualItems();
  const columns: Column[] = [
    ...FIELDS,
    ...milestones.map((name): Column => ({
      key: `milestone:${name}`,
      label: name,
      cell: (h) => {
        const m = milestoneNamed(h.snapshot, name);
        return m ? <MilestoneCountdown held={h} milestone={m} /> : <span className="muted">Not applicable</span>;
      },
    })),
  ];

  // ↑/↓, Home and End move between rows, scrolling the row into view first: it may not be rendered yet.
  function onKeyDown(e: KeyboardEvent<HTMLTableSectionElement>) {
    const current = Number((e.target as HTMLElement).closest('tr')?.dataset.index ?? -1);
    const next = e.key === 'ArrowDown' ? current + 1 : e.key === 'ArrowUp' ? current - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? rows.length - 1 : -2;
    if (next === -2 || current < 0) {
      return;
    }
    e.preventDefault();
    const target = Math.max(0, Math.min(rows.length - 1, next));
    virtualizer.scrollToIndex(target);
    const focus = (attempt: number) => {
      const link = scroller.current?.querySelector<HTMLElement>(`tr[data-index="${target}"] a`);
      if (link) {
        link.focus();
      } else if (attempt < 10) {
        requestAnimationFrame(() => focus(attempt + 1));
      }
    };
    focus(0);
  }

  const before = items.length > 0 ? items[0].start : 0;
  const after = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;
  return (
    <div className="table-scroll" ref={scroller} tabIndex={-1}>
      <table aria-rowcount={rows.length + 1}>
        <thead>
          <tr aria-rowindex={1}>
            {columns.map((c) => (
              <th key={c.key} scope="col" data-column={c.key} aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : undefined}>
                <button type="button" className="sort" onClick={() => onSort(c.key)}>
                  {c.label}
                  {sort.key === c.key && (
                    <>
                      <svg className="icon" viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" focusable="false">
                        <path d={sort.descending ? 'M7 10l5 5 5-5z' : 'M7 14l5-5 5 5z'} fill="currentColor" />
                      </svg>
                      <span className="visually-hidden">{sort.descending ? ' (descending)' : ' (ascending)'}</span>
                    </>
                  )}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {before > 0 && <tr className="spacer" aria-hidden="true" style={{ height: before }}><td colSpan={columns.length} /></tr>}
          {items.map((item) => {
            const held = rows[item.index];
            const id = held.snapshot.caseId;
            return (
              <tr key={id} data-index={item.index} data-case-id={id} aria-rowindex={item.index + 2} className={flashes[id] ? 'flash' : undefined} data-flash={flashes[id] ? 'true' : undefined}>
                {columns.map((c) => (
                  <td key={c.key} data-column={c.key}>
                    {c.key === 'caseId' ? <Link to={`/case/${encodeURIComponent(id)}`} className="case-link">{id}</Link> : c.cell(held)}
                  </td>
                ))}
              </tr>
            );
          })}
          {after > 0 && <tr className="spacer" aria-hidden="true" style={{ height: after }}><td colSpan={columns.length} /></tr>}
        </tbody>
      </table>
    </div>
  );
}
