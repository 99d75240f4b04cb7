import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';
import type { ChartData } from './chartData';

// Only the parts used, so the bundle carries no other chart types.
Chart.register(LineController, LineElement, PointElement, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const PALETTE = ['#8cc4ff', '#3ecf75', '#ffb020', '#ff7070', '#c99cff', '#5fd4d4', '#f08ccf', '#d8d86a'];

/**
 * A Chart.js line or bar chart on a canvas. The canvas is an image to assistive technology with `label` as its text;
 * the caller puts the figures in a table beside it. No animation: figures change live and should not slide about.
 */
export function ReportChart({ kind, data, label, yTitle, max }: { kind: 'line' | 'bar'; data: ChartData; label: string; yTitle: string; max?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);
  const chartKind = useRef<string | null>(null);

  useEffect(() => {
    const datasets = data.series.map((s, i) => ({
      label: s.label,
      data: s.values,
      borderColor: PALETTE[i % PALETTE.length],
      backgroundColor: PALETTE[i % PALETTE.length],
      spanGaps: false,
    }));
    if (chart.current && chartKind.current === kind) {
      chart.current.data = { labels: data.labels, datasets };
      chart.current.update('none');
      return;
    }
    chart.current?.destroy();
    if (!canvas.current) {
      return;
    }
    chartKind.current = kind;
    chart.current = new Chart(canvas.current, {
      type: kind,
      data: { labels: data.labels, datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        color: '#e8edf2',
        scales: {
          x: { ticks: { color: '#a3b1c0' }, grid: { color: '#2a3541' } },
          y: { beginAtZero: true, ...(max !== undefined ? { max } : {}), title: { display: true, text: yTitle, color: '#a3b1c0' }, ticks: { color: '#a3b1c0', precision: 0 }, grid: { color: '#2a3541' } },
        },
        plugins: { legend: { labels: { color: '#e8edf2' } } },
      },
    });
  }, [kind, data, yTitle, max]);

  useEffect(() => () => {
    chart.current?.destroy();
    chart.current = null;
  }, []);

  return (
    <div className="chart">
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
