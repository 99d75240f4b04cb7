import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useSla } from '../src/state/store';
import { Reports } from '../src/views/reports/Reports';

// happy-dom has no canvas to draw on: the chart is its text alternative here (Chromium draws it in e2e/reports.e2e.mjs).
vi.mock('../src/views/reports/ReportChart', () => ({
  ReportChart: ({ label }: { label: string }) => <canvas role="img" aria-label={label} />,
}));

const figures = { met: 3, metLate: 1, violated: 1, open: 0, canceled: 0, attainmentPercent: 60, medianSecondsToComplete: 600, p90SecondsToComplete: 3600, overdueSecondsTotal: 60, overdueSecondsMean: 30 };
let urls: string[];

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status < 300 ? 'application/json' : 'application/problem+json', ...headers } });
}

beforeEach(() => {
  urls = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string) => {
    urls.push(url);
    if (url.startsWith('api/v1/reports/compliance')) {
      const q = new URLSearchParams(url.split('?')[1]);
      if (q.get('interval') === 'hour') {
        return json(400, { title: 'One or more validation errors occurred.', errors: { interval: ['At most 1000 periods; choose a longer interval or a shorter range.'] } });
      }
      return json(200, { from: q.get('from'), to: q.get('to'), interval: q.get('interval'), timeZone: q.get('timeZone'), groupBy: q.get('groupBy')!.split(','), rows: [], totals: figures }, { ETag: 'W/"r5"' });
    }
    if (url.startsWith('api/v1/reports/milestones')) {
      return json(200, { items: [], nextCursor: null });
    }
    return json(200, []);
  }));
  useSla.setState({ key: 'slk_k', zone: 'Europe/London' });
});

describe('Reports page', () => {
  it('shows the totals, and on a refused question the problem naming the field instead of the previous figures', async () => {
    render(<MemoryRouter><Reports /></MemoryRouter>);
    await waitFor(() => expect(within(screen.getByLabelText('Report totals')).getByText('60%')).toBeTruthy());
    expect(urls.some((u) => u.includes('groupBy=milestone%2Cqueue') && u.includes('interval=none'))).toBe(true);

    fireEvent.change(screen.getByLabelText('Period'), { target: { value: 'hour' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('interval: At most 1000 periods');
    expect(screen.queryByLabelText('Report totals')).toBeNull();
  });
});
