// Benchmark, not a test: 10,000 open cases ticking on one board, and the browser's frame time while they do.
// Starts SlaGrains (Development, in memory) on a loopback port, opens 10,000 cases over 50 queues (a queue subscription
// answers at most 200), shows all 50 queues on one board in Debian's headless Chromium, and records the time between
// animation frames (requestAnimationFrame deltas) for SLA_BENCH_SECONDS (default 20): half still, half scrolling a row a frame.
// Prints the frame-time percentiles and the command that produced them; docs/benchmarks.md records a run.
//   cd dashboard && npm run build && node bench/rows.bench.mjs
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { until } from '../e2e/harness.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const port = Number(process.env.SLA_BENCH_PORT ?? 5198);
const base = `http://127.0.0.1:${port}`;
const key = 'dev-admin-key';
const queues = 50;
const perQueue = 200;
const seconds = Number(process.env.SLA_BENCH_SECONDS ?? 20);
const run = Date.now().toString(36); // fresh case ids and queues on each run, should a host be reused
const queueName = (i) => `Bench ${run} ${i}`;


const post = async (path, body) => {
  const response = await fetch(`${base}/api/v1/${path}`, { method: 'POST', headers: { 'X-Api-Key': key, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
};

const host = spawn('dotnet', ['run', '--project', resolve(root, 'src/SlaGrains.Host'), '-c', 'Release', '-p:SkipDashboard=true', '--urls', base], {
  cwd: root,
  env: { ...process.env, ASPNETCORE_ENVIRONMENT: 'Development', Sla__Cluster__SiloPort: '11192', Sla__Cluster__GatewayPort: '30092' },
  stdio: ['ignore', 'ignore', 'inherit'],
  detached: true,
});

let browser;
try {
  await until('the host', async () => (await fetch(`${base}/health/ready`)).ok, 600_000);
  await until('the demo definitions', async () => (await fetch(`${base}/api/v1/processes/platinum`, { headers: { 'X-Api-Key': key } })).ok);
  const priorities = ['Urgent', 'High', 'Medium', 'Low'];
  for (let batch = 0; batch < (queues * perQueue) / 1000; batch++) {
    const events = Array.from({ length: 1000 }, (_, i) => {
      const n = batch * 1000 + i;
      return {
        caseId: `bench-${run}-${n}`, eventId: 'open', type: 'opened',
        // Opened up to 4 minutes ago: none violated (an escalation would move it to another queue) during the run.
        occurredAt: new Date(Date.now() - (n % 5) * 60_000).toISOString(),
        case: { accountId: 'acme', priority: priorities[n % 4], status: 'New', queue: queueName(n % queues), subject: `Bench case ${n}` },
      };
    });
    const results = await post('events', events);
    const failed = results.filter((r) => r.status !== 200);
    if (failed.length > 0) throw new Error(`opening cases failed: ${JSON.stringify(failed[0])}`);
  }
  console.log(`bench: ${queues * perQueue} cases open in ${queues} queues`);

  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript((k) => sessionStorage.setItem('slagrains.apiKey', k), key);
  const query = Array.from({ length: queues }, (_, i) => `q=${encodeURIComponent(queueName(i))}`).join('&');
  await page.goto(`${base}/#/queues?${query}`);
  await page.getByText(`${queues * perQueue} open cases`, { exact: true }).waitFor({ timeout: 300_000 });
  console.log('bench: the board shows all of them; measuring');

  const measure = (scroll) => page.evaluate(async ([ms, scrolling]) => {
    const deltas = [];
    const scroller = document.querySelector('.table-scroll');
    let last = performance.now();
    const end = last + ms;
    await new Promise((done) => {
      const frame = (t) => {
        deltas.push(t - last);
        last = t;
        if (scrolling) {
          scroller.scrollTop += 40; // a row a frame
        }
        if (t < end) requestAnimationFrame(frame);
        else done();
      };
      requestAnimationFrame(frame);
    });
    return deltas.slice(1);
  }, [seconds * 500, scroll]);
  for (const [what, scroll] of [['ticking', false], ['ticking and scrolling', true]]) {
    const frames = await measure(scroll);
    const sorted = [...frames].sort((a, b) => a - b);
    const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(1);
    console.log(`bench: ${what}: ${frames.length} frames in ${seconds / 2} s; frame time p50 ${at(50)} ms, p95 ${at(95)} ms, p99 ${at(99)} ms, max ${sorted.at(-1).toFixed(1)} ms`);
  }
  console.log('bench: command: cd dashboard && npm run build && node bench/rows.bench.mjs');
} catch (error) {
  console.error(`bench: FAILED: ${error.message}`);
  process.exitCode = 1;
} finally {
  await browser?.close();
  try {
    process.kill(-host.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}
