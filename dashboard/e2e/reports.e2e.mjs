// The Reports page in a real browser: cases with known outcomes seeded through the API, their figures on the page, a
// filter, the CSV download, a what-if with a shorter target, a new violation arriving live, axe-core, and no
// Content-Security-Policy violation from the charts.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { api, axe, base, check, checkNoCspViolations, devKey, event, log, scenario, shots, signInWith, until } from './harness.mjs';

const PROCESS = 'e2e-reports';
const A = 'E2E Reports A';
const B = 'E2E Reports B';

await scenario('reports', async ({ newPage }) => {
  // 24x7 (no calendar), First Response in 60 minutes, 30 for High. Every target has passed, so every outcome is fixed:
  // queue A: met, met, met late (High); queue B: met, violated and still open (Medium). 3 of 5 met: 60%.
  await api(`processes/${PROCESS}`, { method: 'PUT', body: { name: 'E2E Reports', milestones: [
    { name: 'First Response', minutes: 60, minutesByPriority: { High: 30 }, completedBy: ['agentReplied'] }] } });
  await api('entitlements/e2e-reports', { method: 'PUT', body: { name: 'E2E Reports', accountId: 'e2e-reports', processId: PROCESS, startDate: '2025-01-01' } });
  const seeded = Date.now(); // one 'now' for the seed, so a reply 5 minutes after its opening is exactly 5 minutes after
  const ago = (m) => new Date(seeded - m * 60_000).toISOString();
  const open = (caseId, queue, priority, minutesAgo) => event(caseId, { type: 'opened', occurredAt: ago(minutesAgo),
    case: { entitlementId: 'e2e-reports', accountId: 'e2e-reports', queue, priority, status: 'New', subject: `Report case ${caseId}` } });
  const reply = (caseId, minutesAgo) => event(caseId, { type: 'agentReplied', occurredAt: ago(minutesAgo) });
  const stamp = Date.now().toString(36);
  const id = (name) => `rep-${name}-${stamp}`;
  for (const [name, queue, priority, repliedAgo] of [['a1', A, 'High', 290], ['a2', A, 'High', 295], ['a3', A, 'High', 240], ['b1', B, 'Medium', 280], ['b2', B, 'Medium', null]]) {
    await open(id(name), queue, priority, 300);
    if (repliedAgo !== null) await reply(id(name), repliedAgo);
  }

  const page = await newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await page.goto(base);
  await signInWith(page, devKey);
  await page.getByRole('link', { name: 'Reports' }).click();
  await page.getByRole('heading', { name: 'Reports', level: 2 }).waitFor();

  const tile = (label) => page.locator(`.figure[data-figure="${label}"] .value`);
  const figures = async () => Object.fromEntries(await Promise.all(['attainment', 'met', 'met late', 'violated', 'open'].map(async (l) => [l, await tile(l).innerText()])));
  const expectFigures = async (what, expected) => {
    await until(what, async () => JSON.stringify(await figures()) === JSON.stringify(expected), 20_000)
      .catch(async () => { throw new Error(`${what}: expected ${JSON.stringify(expected)}, the page shows ${JSON.stringify(await figures())}`); });
  };

  // ---- the seeded figures ----
  await page.getByLabel('Process id').fill(PROCESS);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expectFigures('the seeded totals', { attainment: '60%', met: '3', 'met late': '1', violated: '1', open: '0' });
  const lineTable = page.locator('#attainment-title ~ details table');
  await page.locator('#attainment-title ~ details summary').click();
  const lineRow = async (queue) => (await lineTable.locator('tbody tr', { has: page.getByRole('rowheader', { name: queue, exact: true }) }).locator('td').allInnerTexts()).filter((t) => t !== '—');
  check(JSON.stringify(await lineRow(A)) === '["66.67%"]', `queue A's attainment today: ${await lineRow(A)}`);
  check(JSON.stringify(await lineRow(B)) === '["50%"]', `queue B's attainment today: ${await lineRow(B)}`);
  const chartLabel = await page.locator('#attainment-title ~ .chart canvas').getAttribute('aria-label');
  check(chartLabel.includes(`${A}: 66.67%`) && chartLabel.includes(`${B}: 50%`), `the line chart's text alternative: ${chartLabel}`);
  await page.locator('#breaches-title ~ details summary').click();
  const barCells = await page.locator('#breaches-title ~ details tbody tr').evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.textContent).join('=')));
  check(barCells.join() === `${A}=1,${B}=1`, `breaches of First Response per queue: ${barCells}`);
  const overdue = await page.locator('table.overdue tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.caseId));
  check(overdue.join() === id('b2'), `the open violation should be the one overdue milestone: ${overdue}`);
  log('seeded figures shown: 60% (3 met, 1 late, 1 violated), A 66.67%, B 50%, one breach each, b2 overdue');
  await axe(page, 'Reports');

  // ---- a filter ----
  await page.getByLabel('Queues').fill(A);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expectFigures('queue A only', { attainment: '66.67%', met: '2', 'met late': '1', violated: '0', open: '0' });
  await until('queue A alone in the attainment table', async () => (await lineTable.locator('tbody tr').count()) === 1, 20_000);
  check(JSON.stringify(await lineRow(A)) === '["66.67%"]', `queue A's attainment after the filter: ${await lineRow(A)}`);
  log('filtered to queue A: 66.67% (2 met, 1 late)');

  // ---- CSV, with the same filters ----
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  const csv = (await readFile(await download.path(), 'utf8')).split('\r\n').filter(Boolean);
  check(csv[0].startsWith('caseId,milestoneId,milestone,instance,processId,'), `the CSV's header: ${csv[0]}`);
  const csvRows = csv.slice(1).map((line) => line.split(','));
  const byCase = Object.fromEntries(csvRows.map((r) => [r[0], r[12]]));
  check(csvRows.length === 3 && byCase[id('a1')] === 'Met' && byCase[id('a2')] === 'Met' && byCase[id('a3')] === 'MetLate',
    `the CSV should hold queue A's three facts: ${JSON.stringify(byCase)}`);
  check(csvRows.every((r) => r[8] === A && r[4] === PROCESS), 'every CSV row should be of queue A and the process');
  log(`CSV ${download.suggestedFilename()}: header and queue A's 3 facts`);

  // ---- what-if: High in 5 minutes instead of 30 ----
  await page.getByLabel('Process', { exact: true }).selectOption(PROCESS);
  await page.getByLabel('Minutes for First Response, High').fill('5');
  await page.getByRole('button', { name: 'Run what-if' }).click();
  const total = page.locator('table.comparison tr[data-group="Total"]');
  await total.waitFor();
  const actual = await total.locator('[data-side="actual"]').innerText();
  const draft = await total.locator('[data-side="draft"]').innerText();
  // a1 was answered after 10 minutes: late under the draft; a2 at 5 minutes is still met.
  check(actual === '66.67%' && draft === '33.33%', `what-if totals: actual ${actual}, draft ${draft}`);
  log(`what-if with High in 5 minutes: actual ${actual}, draft ${draft}`);
  await axe(page, 'Reports with a what-if');
  await page.screenshot({ path: resolve(shots, 'reports.png'), fullPage: true });

  // ---- live: a new violation in queue A ----
  await open(id('a4'), A, 'Medium', 120); // its 60 minutes passed an hour ago, unanswered
  const sent = Date.now();
  await expectFigures('the new violation, live', { attainment: '50%', met: '2', 'met late': '1', violated: '1', open: '0' });
  log(`a new violation showed ${Date.now() - sent} ms after its event was acknowledged (polled with the ETag)`);
  await until('the new case in the overdue table', async () => (await page.locator(`table.overdue tr[data-case-id="${id('a4')}"]`).count()) === 1, 20_000);

  await checkNoCspViolations(page);
  check(problems.length === 0, `errors in the page: ${problems.join('; ')}`);
});
