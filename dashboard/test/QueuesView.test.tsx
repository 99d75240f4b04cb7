import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Me } from '../src/api/model';
import { cases, useSla } from '../src/state/store';
import { QueuesView } from '../src/views/cases/QueuesView';

const agent: Me = { kind: 'user', id: 'ana', name: 'Ana Ruiz', role: 'agent', queues: ['Tier 1', 'Tier 2', 'Billing'], scopes: ['read', 'events:write'], seesAllCases: false };
const supervisor: Me = { kind: 'user', id: 'sam', name: 'Sam Lee', role: 'supervisor', queues: [], scopes: ['read', 'events:write'], seesAllCases: true };

beforeEach(() => {
  cases.clear();
  useSla.setState({ key: 'key', connection: 'disconnected' });
});

function open(me: Me, path: string) {
  useSla.setState({ me });
  render(
    <MemoryRouter initialEntries={[path]}>
      <Routes><Route path="/queues" element={<QueuesView />} /></Routes>
    </MemoryRouter>,
  );
}

const board = () => within(screen.getByRole('list', { name: 'Queues on this board' })).getAllByRole('listitem').map((li) => li.querySelector('span')!.textContent);

describe('the queue picker', () => {
  it('offers an agent only their own queues, and says why a queue in the address is not on the board', () => {
    open(agent, '/queues?q=Tier 1&q=Escalations');

    expect(board()).toEqual(['Tier 1']);
    expect(screen.getByRole('status').textContent).toContain('“Escalations” is not one of your queues');
    expect(screen.queryByRole('textbox', { name: /queue/i })).toBeNull(); // nothing to type a foreign queue into
    const picker = screen.getByRole('combobox', { name: 'Add one of your queues' });
    expect(within(picker).getAllByRole('option').map((o) => o.textContent)).toEqual(['Tier 2', 'Billing']);

    fireEvent.change(picker, { target: { value: 'Billing' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));

    expect(board()).toEqual(['Tier 1', 'Billing']);
    expect(within(screen.getByRole('combobox', { name: 'Add one of your queues' })).getAllByRole('option').map((o) => o.textContent)).toEqual(['Tier 2']);
  });

  it('shows an agent their own queues when the address names none', () => {
    open(agent, '/queues');

    expect(board()).toEqual(['Tier 1', 'Tier 2', 'Billing']);
    expect(screen.getByRole('button', { name: 'Add' })).toHaveProperty('disabled', true);
    expect(screen.getByText('Every one of your queues is on this board.')).toBeTruthy();
  });

  it('lets a supervisor type any queue', () => {
    open(supervisor, '/queues?q=Tier 1');

    fireEvent.change(screen.getByRole('textbox', { name: 'Add a queue' }), { target: { value: '  Escalations  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));

    expect(board()).toEqual(['Tier 1', 'Escalations']);
    expect(screen.queryByRole('status')).toBeNull();
  });
});
