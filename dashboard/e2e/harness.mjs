// What every end-to-end scenario shares: SlaGrains started (Development, seeded demo) on a loopback port, the API as the
// Development admin, waits on conditions (never on a fixed time), axe-core, and Debian's headless Chromium.
// A scenario is one `*.e2e.mjs` file calling `scenario(name, run)`; `npm run e2e` (run.mjs) runs each in turn.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const port = Number(process.env.SLA_E2E_PORT ?? 5199);
export const base = `http://127.0.0.1:${port}`;
export const devKey = 'dev-admin-key';
const configuration = process.env.SLA_CONFIGURATION ?? 'Release';
// Screenshots go to dashboard/e2e/output/ (ignored), so a run leaves the work tree clean; with
// SLA_UPDATE_SCREENSHOTS=1 they replace docs/images/, which README.md and docs/dashboard.md show.
export const shots = process.env.SLA_UPDATE_SCREENSHOTS === '1' ? resolve(root, 'docs/images') : resolve(root, 'dashboard/e2e/output');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export function log(message) {
  console.log(`e2e: ${message}`);
}

export function check(condition, message) {
  if (!condition) throw new Error(message);
}

export async function until(what, probe, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await probe()) return;
    } catch {
      // not there yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function api(path, { key = devKey, method = 'GET', body } = {}) {
  const response = await fetch(`${base}/api/v1/${path}`, {
    method,
    headers: { 'X-Api-Key': key, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? undefined : response.json();
}

let eventCount = 0;
export const event = (caseId, body) =>
  api(`cases/${caseId}/events`, { method: 'POST', body: { eventId: `e2e-${Date.now()}-${eventCount++}`, ...body } });

/** axe-core in the page (evaluated through the DevTools protocol, which the page's script policy does not govern). */
export async function axe(page, view) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => (await window.axe.run(document)).violations
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`));
  check(violations.length === 0, `axe-core found violations on ${view}:\n  ${violations.join('\n  ')}`);
  log(`axe-core: no violations on ${view}`);
}

/** Fails when the page met anything its Content-Security-Policy forbids (every page made by newPage records them). */
export async function checkNoCspViolations(page) {
  const csp = await page.evaluate(() => window.cspViolations);
  check(csp.length === 0, `Content-Security-Policy violations: ${csp.join('; ')}`);
}

/** Signs the dashboard in with an API key from its sign-in form. */
export async function signInWith(page, key) {
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Runs one scenario: starts the host, waits for the demo, launches Chromium, calls `run({ browser, newPage })`, and prints
 * 'e2e: passed' or 'e2e: FAILED: …' (which .ci/run counts). A failure leaves output/<name>-failure.png and the host's
 * last log lines; the process exits non-zero.
 */
export async function scenario(name, run) {
  const host = spawn('dotnet', ['run', '--project', resolve(root, 'src/SlaGrains.Host'), '-c', configuration, '-p:SkipDashboard=true', '--urls', base], {
    cwd: root,
    env: {
      ...process.env,
      ASPNETCORE_ENVIRONMENT: 'Development',
      // Silo ports follow the HTTP port, so scenarios on different ports can run side by side.
      Sla__Cluster__SiloPort: String(port + 6000),
      Sla__Cluster__GatewayPort: String(port + 25000),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let hostLog = '';
  host.stdout.on('data', (d) => (hostLog += d));
  host.stderr.on('data', (d) => (hostLog += d));
  const pages = [];
  let browser;
  try {
    log(`scenario: ${name}`);
    await until('the host to be ready', async () => (await fetch(`${base}/health/ready`)).ok, 600_000); // dotnet run builds first: slow on a busy machine
    await until('the demo to be seeded', async () => (await api('cases/demo-7')).caseId === 'demo-7');
    log('host up, demo seeded');
    mkdirSync(shots, { recursive: true });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const newPage = async (options = {}) => {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: 'Europe/London', ...options });
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      await page.addInitScript(() => {
        window.cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      pages.push(page);
      return page;
    };
    await run({ browser, newPage });
    log('passed');
  } catch (error) {
    console.error(`e2e: FAILED: ${name}: ${error.message}`);
    mkdirSync(resolve(root, 'dashboard/e2e/output'), { recursive: true });
    await pages.at(-1)?.screenshot({ path: resolve(root, `dashboard/e2e/output/${name}-failure.png`), fullPage: true }).catch(() => undefined);
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
}
