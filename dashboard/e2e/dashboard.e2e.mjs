// End to end in a real browser: starts SlaGrains (Development, seeded demo) on a loopback port, opens the dashboard in
// Debian's headless Chromium, checks that a seeded case counts down, posts an event through the API and sees the
// tracker change without a reload, and saves a screenshot. Exits non-zero on any failure.
// The screenshot goes to dashboard/e2e/output/ (ignored), so a test run leaves the work tree clean; with
// SLA_UPDATE_SCREENSHOTS=1 it replaces docs/images/dashboard.png, the one README shows.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const port = Number(process.env.SLA_E2E_PORT ?? 5199);
const base = `http://127.0.0.1:${port}`;
const key = 'dev-admin-key';
const configuration = process.env.SLA_CONFIGURATION ?? 'Release';
const screenshot = process.env.SLA_UPDATE_SCREENSHOTS === '1'
  ? resolve(root, 'docs/images/dashboard.png')
  : resolve(root, 'dashboard/e2e/output/dashboard.png');

function log(message) {
  console.log(`e2e: ${message}`);
}

async function until(what, check, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const api = (path, init = {}) =>
  fetch(`${base}${path}`, { ...init, headers: { 'X-Api-Key': key, 'Content-Type': 'application/json', ...(init.headers ?? {}) } });

const host = spawn('dotnet', ['run', '--project', resolve(root, 'src/SlaGrains.Host'), '-c', configuration, '-p:SkipDashboard=true', '--urls', base], {
  cwd: root,
  env: { ...process.env, ASPNETCORE_ENVIRONMENT: 'Development', Sla__Cluster__SiloPort: '11191', Sla__Cluster__GatewayPort: '30091' },
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true,
});
let hostLog = '';
host.stdout.on('data', (d) => (hostLog += d));
host.stderr.on('data', (d) => (hostLog += d));

let browser;
try {
  await until('the host to be ready', async () => (await fetch(`${base}/health/ready`)).ok);
  await until('the demo to be seeded', async () => (await api('/api/v1/cases/demo-4')).ok);
  log('host up, demo seeded');

  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => log(`page error: ${e.message}`));
  // The host's Content-Security-Policy must let the dashboard do all it does, the hub's WebSocket included.
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const sockets = [];
  page.on('websocket', (ws) => sockets.push(ws.url()));
  const index = await page.goto(base);
  if (!index.headers()['content-security-policy']?.includes("frame-ancestors 'none'")) {
    throw new Error(`the dashboard is served without its Content-Security-Policy: ${JSON.stringify(index.headers())}`);
  }

  await page.fill('#key', key);
  await page.click('#key-form button[type=submit]');
  await page.waitForSelector('#connection[data-state="connected"]');
  const row = page.locator('tr[data-case-id="demo-4"]');
  await row.waitFor();
  const first = await row.locator('td.countdown').innerText();
  await page.waitForFunction(
    ([selector, before]) => document.querySelector(selector)?.textContent !== before,
    ['tr[data-case-id="demo-4"] td.countdown', first],
    { timeout: 10_000 },
  );
  const second = await row.locator('td.countdown').innerText();
  log(`demo-4 counts down: ${first} → ${second}`);
  const violatedRows = await page.locator('td.countdown[data-tone="red"]').count();
  if (violatedRows === 0) throw new Error('expected the seeded violated case to show red');

  mkdirSync(dirname(screenshot), { recursive: true });
  await page.screenshot({ path: screenshot });
  log(`screenshot saved to ${screenshot}`);

  // Open the tracker with the keyboard, then answer the customer through the API: the tracker changes in place.
  await row.focus();
  await page.keyboard.press('Enter');
  const tracker = page.locator('#tracker-rows tr[data-milestone-id="first-response#1"] td.status');
  await tracker.waitFor();
  if ((await tracker.innerText()) !== 'InProgress') throw new Error(`unexpected status ${await tracker.innerText()}`);
  const reply = await api('/api/v1/cases/demo-4/events', { method: 'POST', body: JSON.stringify({ eventId: `e2e-${Date.now()}`, type: 'agentReplied' }) });
  if (!reply.ok) throw new Error(`posting the reply failed: ${reply.status}`);
  await page.waitForFunction(
    (selector) => document.querySelector(selector)?.textContent === 'Completed',
    '#tracker-rows tr[data-milestone-id="first-response#1"] td.status',
    { timeout: 10_000 },
  );
  await page.locator('#timeline li', { hasText: 'agentReplied' }).waitFor({ timeout: 10_000 });
  log('tracker shows First Response completed and the reply in the timeline, without a reload');

  if (!sockets.some((url) => url.includes('/hubs/sla'))) throw new Error(`the hub did not connect over a WebSocket: ${sockets}`);
  const violations = await page.evaluate(() => window.cspViolations);
  if (violations.length > 0) throw new Error(`Content-Security-Policy violations: ${violations.join('; ')}`);
  const stored = await page.evaluate(() => [sessionStorage.getItem('slagrains.apiKey'), localStorage.getItem('slagrains.apiKey')]);
  if (stored[0] !== key || stored[1] !== null) throw new Error(`the key should be in sessionStorage only: ${JSON.stringify(stored)}`);
  log('WebSocket hub, no CSP violations, key in sessionStorage only');
  log('passed');
} catch (error) {
  console.error(`e2e: FAILED: ${error.message}`);
  console.error(hostLog.split('\n').slice(-40).join('\n'));
  process.exitCode = 1;
} finally {
  await browser?.close();
  try {
    process.kill(-host.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}
