import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cases, useSla } from '../src/state/store';
import { Tracker } from '../src/views/tracker/Tracker';
import { asOfMs, milestone, snapshot } from './fixtures';

interface Call {
  url: string;
  method: string;
  body: unknown;
  key: string | null;
}

let calls: Call[];
let history: unknown[];
let answer: (call: Call) => { status: number; body: unknown };

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status < 300 ? 'application/json' : 'application/problem+json' } });
}

beforeEach(() => {
  calls = [];
  history = [];
  answer = () => ({ status: 200, body: [] });
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit = {}) => {
    const call = { url, method: init.method ?? 'GET', body: init.body ? JSON.parse(String(init.body)) : undefined, key: new Headers(init.headers).get('X-Api-Key') };
    calls.push(call);
    if (url.startsWith('api/v1/calendars/')) {
      return json(200, { calendarId: 'us-east', name: 'US East support hours', timeZone: 'America/New_York' });
    }
    if (url.startsWith('api/v1/entitlements/')) {
      return json(200, { entitlementId: 'initech-silver', name: 'Initech Silver', status: 'Active', remainingCases: 24 });
    }
    const { status, body } = url.endsWith('/events') && call.method === 'GET' ? { status: 200, body: history } : call.method === 'GET' ? { status: 200, body: [] } : answer(call);
    return json(status, body);
  }));
  cases.clear();
  cases.put(snapshot('case-7', {
    entitlementId: 'initech-silver', isStopped: true, stoppedSince: '2025-03-03T13:45:00Z', status: 'InProgress',
    milestones: [milestone({ calendarId: 'us-east', clockRunning: false })],
  }), asOfMs);
  useSla.setState({ key: 'key-ana', me: { kind: 'user', id: 'ana', name: 'Ana Ruiz', queues: [], scopes: ['read', 'events:write'], seesAllCases: false }, zone: 'America/New_York', connection: 'disconnected', now: asOfMs });
});

afterEach(() => vi.unstubAllGlobals());

function open() {
  render(
    <MemoryRouter initialEntries={['/case/case-7']}>
      <Routes><Route path="/case/:caseId" element={<Tracker />} /></Routes>
    </MemoryRouter>,
  );
}

const fact = (field: string) => document.querySelector(`[data-field="${field}"]`)?.textContent;

describe('Tracker', () => {
  it('says which calendar applies, since when the clock is stopped, and the entitlement with its remaining cases', async () => {
    open();
    await waitFor(() => expect(fact('calendar')).toBe('US East support hours (America/New_York)'));
    expect(fact('clock')).toBe(' Stopped since 3 Mar 2025, 08:45 GMT-5');
    await waitFor(() => expect(fact('entitlement')).toBe('Initech Silver (Active, 24 cases left)'));
    expect(fact('status')).toBe('In progress');
    expect(screen.getByText('Times in America/New_York.')).toBeTruthy();
  });

  it('moves elapsed and time left together while the clock runs', async () => {
    cases.put(snapshot('case-7', { version: 2, milestones: [milestone()] }), asOfMs); // a newer version: the running one
    open();
    const cell = (column: string) => document.querySelector(`[data-milestone-id="first-response#1"] td[data-column="${column}"]`)?.textContent;
    expect(cell('elapsed')).toBe('30:00');
    act(() => useSla.setState({ now: asOfMs + 60_000 }));
    expect(cell('elapsed')).toBe('31:00');
    expect(cell('left')).toContain('29:00');
  });

  it('completes a milestone with a fresh event id as the signed-in key, and takes the answered snapshot', async () => {
    answer = () => ({ status: 200, body: snapshot('case-7', { version: 2, milestones: [milestone({ status: 'Completed', clockRunning: false })] }) });
    open();
    fireEvent.click(screen.getByRole('button', { name: 'Complete First Response' }));
    await waitFor(() => expect(document.querySelector('[data-milestone-id="first-response#1"] .status')?.textContent).toBe('Completed'));
    expect(document.querySelector('[data-milestone-id="first-response#1"] td[data-column="left"]')?.textContent).toBe('done');
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.url).toBe('api/v1/cases/case-7/events');
    expect(post.key).toBe('key-ana');
    expect(post.body).toMatchObject({ type: 'milestoneCompleted', milestone: 'First Response' });
    expect((post.body as { eventId: string }).eventId).toMatch(/^ui-[0-9a-f-]{36}$/);
  });

  it('shows the problem details of a refused action inline, as text', async () => {
    answer = () => ({ status: 400, body: { title: 'The event is not valid.', status: 400, errors: { milestone: ["The case's process has no milestone '<b>Triage</b>'"] } } });
    open();
    fireEvent.change(screen.getByLabelText('Milestone'), { target: { value: '<b>Triage</b>' } });
    fireEvent.click(screen.getByRole('button', { name: 'Complete' }));
    const error = await screen.findByRole('alert');
    expect(error.textContent).toBe("The event is not valid. milestone: The case's process has no milestone '<b>Triage</b>'");
    expect(error.querySelector('b')).toBeNull();
  });

  it('resumes a stopped clock with its reason, recorded by an update in the same batch', async () => {
    answer = (call) => ({ status: 200, body: (call.body as { caseId: string; eventId: string }[]).map((e) => ({ caseId: e.caseId, eventId: e.eventId, status: 200, error: null })) });
    open();
    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: 'Vendor answered' } });
    fireEvent.click(screen.getByRole('button', { name: 'Resume clock' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.url).toBe('api/v1/events');
    expect(post.body).toMatchObject([
      { caseId: 'case-7', type: 'updated', changes: { customFields: { clockReason: 'Vendor answered' } } },
      { caseId: 'case-7', type: 'resumed' },
    ]);
  });

  it('changes a field, and names a refused one', async () => {
    answer = () => ({ status: 400, body: { title: 'One or more validation errors occurred.', status: 400, errors: { 'changes.queue': ['Not a queue name.'] } } });
    open();
    fireEvent.change(screen.getByLabelText('New queue'), { target: { value: 'bad/queue' } });
    fireEvent.click(screen.getByRole('button', { name: 'Move to queue' }));
    expect((await screen.findByRole('alert')).textContent).toBe('One or more validation errors occurred. changes.queue: Not a queue name.');
    expect(calls.find((c) => c.method === 'POST')!.body).toMatchObject({ type: 'updated', changes: { queue: 'bad/queue' } });
  });

  it('offers only to reopen a closed case, and reopens it', async () => {
    cases.put(snapshot('case-7', { version: 2, closed: true }), asOfMs);
    answer = () => ({ status: 200, body: snapshot('case-7', { version: 3, closed: false }) });
    open();
    expect(screen.queryByRole('button', { name: 'Change priority' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Reopen case' }));
    await screen.findByRole('button', { name: 'Change priority' });
    expect(calls.find((c) => c.method === 'POST')!.body).toMatchObject({ type: 'reopened' });
  });

  it('lists the history with each event\'s actor and custom fields as fields', async () => {
    history = [
      { eventId: 'e1', type: 'updated', occurredAt: '2025-03-03T13:45:00Z', changes: { customFields: { clockReason: 'Waiting on the vendor' } }, actor: { kind: 'user', id: 'ana' } },
      { eventId: 'e2', type: 'stopped', occurredAt: '2025-03-03T13:45:00Z', actor: { kind: 'integration', id: 'crm' } },
    ];
    open();
    await waitFor(() => expect([...document.querySelectorAll('.timeline li')].map((li) => li.textContent)).toEqual([
      '3 Mar 2025, 08:45 GMT-5 updated clockReason=Waiting on the vendor by ana',
      '3 Mar 2025, 08:45 GMT-5 stopped by integration crm',
    ]));
  });
});
