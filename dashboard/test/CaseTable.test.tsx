import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { CaseStore, type Held } from '../src/live/CaseStore';
import { useSla } from '../src/state/store';
import { CaseTable } from '../src/views/cases/CaseTable';
import { asOfMs, milestone, snapshot } from './fixtures';

function rows(count: number): Held[] {
  const store = new CaseStore();
  for (let i = 0; i < count; i++) {
    store.put(snapshot(`case-${i}`, {
      owner: i === 0 ? 'ana' : null,
      status: 'InProgress',
      milestones: [
        milestone({ remainingSeconds: 1800 + i }),
        milestone({ id: 'resolution#1', name: 'Resolution', status: i === 0 ? 'Violated' : 'InProgress', isViolated: i === 0, remainingSeconds: 0, overdueSeconds: i === 0 ? 90 : 0 }),
      ],
    }), asOfMs);
  }
  return store.all();
}

function draw(held: Held[], onSort = vi.fn()) {
  useSla.setState({ now: asOfMs, flashes: { 'case-1': asOfMs + 5000 } });
  return render(
    <MemoryRouter>
      <CaseTable rows={held} milestones={['First Response', 'Resolution']} sort={{ key: 'deadline', descending: false }} onSort={onSort} />
    </MemoryRouter>,
  );
}

const row = (id: string) => document.querySelector<HTMLElement>(`tr[data-case-id="${id}"]`)!;
const cell = (id: string, column: string) => row(id).querySelector<HTMLElement>(`td[data-column="${column}"]`)!;

describe('CaseTable', () => {
  it('gives each milestone its own column with a countdown that says its state in words', () => {
    draw(rows(3));
    expect(screen.getByRole('columnheader', { name: /First Response/ })).toBeTruthy();
    expect(cell('case-0', 'milestone:First Response').textContent).toBe('30:00on track');
    expect(cell('case-0', 'milestone:Resolution').textContent).toBe('+1:30violated');
    expect(cell('case-0', 'status').textContent).toBe('In progress');
    expect(cell('case-0', 'owner').textContent).toBe('ana');
    expect(cell('case-2', 'owner').textContent).toBe('Unassigned');
  });

  it('moves every countdown on the one clock', () => {
    draw(rows(2));
    act(() => useSla.setState({ now: asOfMs + 61_000 }));
    expect(cell('case-0', 'milestone:First Response').textContent).toBe('28:59on track');
    expect(cell('case-1', 'milestone:First Response').textContent).toBe('29:00on track');
  });

  it('renders only the rows in view of 10,000', () => {
    draw(rows(10_000));
    const drawn = document.querySelectorAll('tbody tr[data-case-id]').length;
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(100);
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe('10001');
  });

  it('sorts by a column header and says which way', () => {
    const onSort = vi.fn();
    draw(rows(2), onSort);
    fireEvent.click(within(screen.getByRole('columnheader', { name: /Priority/ })).getByRole('button'));
    expect(onSort).toHaveBeenCalledWith('priority');
    expect(screen.getByRole('columnheader', { name: /Resolution/ }).getAttribute('aria-sort')).toBeNull();
  });

  it('moves between rows with the arrow keys and flashes an alerted row', async () => {
    draw(rows(3));
    const first = screen.getByRole('link', { name: 'case-0' });
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe('case-1'));
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe('case-2'));
    expect(row('case-1').dataset.flash).toBe('true');
    expect(row('case-0').dataset.flash).toBeUndefined();
  });
});
