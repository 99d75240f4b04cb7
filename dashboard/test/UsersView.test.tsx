import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useSla } from '../src/state/store';
import { UsersView } from '../src/views/admin/UsersView';

interface Call {
  url: string;
  method: string;
  body: unknown;
}

let calls: Call[];
let answer: (call: Call) => { status: number; body: unknown };

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status < 300 ? 'application/json' : 'application/problem+json' } });
}

const ana = { userId: 'ana', name: 'Ana Ruiz', email: 'ana@example.com', role: 'agent', queues: ['Tier 1'], active: true, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };

beforeEach(() => {
  calls = [];
  answer = () => ({ status: 200, body: [] });
  useSla.setState({ key: 'dev-admin-key', zone: 'UTC' });
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit = {}) => {
    const call = { url, method: init.method ?? 'GET', body: init.body ? JSON.parse(String(init.body)) : undefined };
    calls.push(call);
    if (url === 'api/v1/users' && call.method === 'GET') {
      return json(200, [ana]);
    }
    const { status, body } = answer(call);
    return json(status, body);
  }));
});

describe('Users and keys', () => {
  it('shows a new key once, saying it will not be shown again, and forgets it when dismissed', async () => {
    answer = (call) => call.method === 'POST'
      ? { status: 200, body: { keyId: 'k1', key: 'slk_k1_secret', userId: 'ana', name: 'laptop', createdAt: '2026-01-02T00:00:00Z', expiresAt: null } }
      : { status: 200, body: [] };
    render(<UsersView />);
    fireEvent.click(await screen.findByRole('button', { name: 'Keys of ana' }));
    fireEvent.change(screen.getByLabelText('Key name'), { target: { value: 'laptop' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create key' }));
    const shown = await screen.findByLabelText(/^New key “/);
    expect((shown as HTMLInputElement).value).toBe('slk_k1_secret');
    expect(screen.getByText(/you will not see it again/)).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({ url: 'api/v1/users/ana/keys', body: { name: 'laptop', expiresAt: null } });
    fireEvent.click(screen.getByRole('button', { name: 'I have copied it' }));
    expect(screen.queryByDisplayValue('slk_k1_secret')).toBeNull();
  });

  it('shows the API\'s validation error on the field it names, linked by aria-describedby', async () => {
    answer = () => ({ status: 400, body: { title: 'One or more validation errors occurred.', errors: { email: ["'ana@example' has no domain we can deliver to."] } } });
    render(<UsersView />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit ana' }));
    const form = screen.getByRole('form', { name: 'Edit ana' });
    fireEvent.change(within(form).getByLabelText('Email'), { target: { value: 'ana@example' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save user' }));
    await waitFor(() => expect(within(form).getByLabelText('Email').getAttribute('aria-invalid')).toBe('true'));
    const email = within(form).getByLabelText('Email');
    const described = document.getElementById(email.getAttribute('aria-describedby')!);
    expect(described?.textContent).toBe("'ana@example' has no domain we can deliver to.");
    expect(calls.find((c) => c.method === 'PUT')).toMatchObject({ url: 'api/v1/users/ana', body: { name: 'Ana Ruiz', email: 'ana@example', role: 'agent', queues: ['Tier 1'] } });
  });
});
