// The agents' workspace in a real browser: sign in with a personal key, My cases, sort and filter a queue, act from the
// tracker (errors shown inline), receive an alert, a revoked key signed out, and all open cases. axe-core checks every
// view for accessibility violations; the host's Content-Security-Policy must allow all the dashboard does.
import { resolve } from 'node:path';
import { api, axe, base, check, checkNoCspViolations, devKey, event, log, scenario, shots, signInWith, until } from './harness.mjs';

await scenario('workspace', async ({ newPage }) => {
  // The board's own cases, in a queue of their own so the demo's escalations (violated cases move to Tier 2) do not
  // change it while the run goes on: one violated (Platinum Urgent: 15 minutes, escalated 10 minutes after), one paused,
  // two on track. An agent of that queue with a personal key owns two of them.
  const minutesAgo = (m) => new Date(Date.now() - m * 60_000).toISOString();
  const open = (caseId, ago, fields) => event(caseId, { type: 'opened', occurredAt: minutesAgo(ago), case: { accountId: 'acme', queue: 'E2E Board', status: 'New', ...fields } });
  await open('e2e-1', 16, { priority: 'Urgent', subject: 'Checkout is down' });
  await open('e2e-2', 1, { priority: 'Medium', subject: 'Export times out', owner: 'ana' });
  await open('e2e-3', 1, { priority: 'High', subject: 'Printer on fire', status: 'Waiting on Customer' });
  await open('e2e-4', 0, { priority: 'High', subject: 'Wrong VAT on the invoice', owner: 'ana' });
  await api('users/ana', { method: 'PUT', body: { name: 'Ana Ruiz', email: 'ana@example.com', role: 'agent', queues: ['E2E Board'] } });
  const { keyId, key } = await api('users/ana/keys', { method: 'POST', body: { name: 'e2e', expiresAt: new Date(Date.now() + 86_400_000).toISOString() } });

  const page = await newPage();
  await page.context().grantPermissions(['notifications'], { origin: base });
  const consoleWarnings = [];
  page.on('console', (m) => (m.type() === 'warning' || m.type() === 'error') && consoleWarnings.push(m.text()));
  page.on('pageerror', (e) => consoleWarnings.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    // Records the browser notifications the page sends, as the system would show them.
    window.shownNotifications = [];
    const Real = window.Notification;
    window.Notification = class extends Real {
      constructor(title, options) {
        super(title, options);
        window.shownNotifications.push({ title, ...options });
      }
    };
  });
  const sockets = [];
  page.on('websocket', (ws) => sockets.push(ws.url()));

  // ---- sign in ----
  const index = await page.goto(base);
  check(index.headers()['content-security-policy']?.includes("frame-ancestors 'none'"), 'the dashboard is served without its Content-Security-Policy');
  await signInWith(page, 'not-a-key-of-anyone-0000');
  await page.getByRole('alert').filter({ hasText: 'refused' }).waitFor();
  await axe(page, 'sign in');
  await signInWith(page, key);
  await page.locator('#connection[data-state="connected"]').waitFor();
  await page.locator('#who', { hasText: 'Ana Ruiz (agent)' }).waitFor();
  log('signed in with a personal key; the header names Ana Ruiz (agent)');

  // ---- my cases ----
  await page.getByRole('heading', { name: 'My cases' }).waitFor();
  await page.locator('tr[data-case-id="e2e-4"]').waitFor();
  await page.locator('tr[data-case-id="e2e-2"]').waitFor();
  check(await page.locator('tr[data-case-id="e2e-1"]').count() === 0, 'My cases shows a case Ana does not own');
  const countdown = page.locator('tr[data-case-id="e2e-4"] td[data-column="milestone:First Response"] .time');
  const first = await countdown.innerText();
  await page.waitForFunction(([selector, before]) => document.querySelector(selector)?.textContent !== before,
    ['tr[data-case-id="e2e-4"] td[data-column="milestone:First Response"] .time', first]);
  log(`My cases: e2e-2 and e2e-4 only; e2e-4 counts down ${first} -> ${await countdown.innerText()}`);
  await axe(page, 'My cases');

  const order = () => page.locator('tbody tr[data-case-id]').evaluateAll((rows) => rows.map((r) => r.dataset.caseId));

  // ---- a queue: sort, filter, search, save the view ----
  await page.getByRole('link', { name: 'Queues' }).click();
  await page.getByRole('heading', { name: 'Queue E2E Board' }).waitFor();
  await until('the queue\'s four cases', async () => (await order()).length === 4, 20_000);
  check((await order())[0] === 'e2e-1', `the violated case should lead by next deadline: ${await order()}`);
  check(await page.locator('td[data-column="milestone:First Response"] [data-state="violated"]', { hasText: 'violated' }).count() > 0, 'the violated milestone should say so in words');
  await page.getByRole('button', { name: 'Priority', exact: true }).click();
  check(await page.getByRole('columnheader', { name: /Priority/ }).getAttribute('aria-sort') === 'ascending', 'the sorted column should say so');
  check((await order()).join() === 'e2e-1,e2e-3,e2e-4,e2e-2', `Urgent, High, High, Medium when sorted by priority: ${await order()}`);
  await page.getByRole('button', { name: /Priority/ }).click();
  await until('descending priority', async () => (await order()).join() === 'e2e-2,e2e-3,e2e-4,e2e-1', 10_000);
  await page.getByRole('group', { name: 'Milestone state' }).getByLabel('Violated').check();
  await until('the violated filter', async () => (await order()).join() === 'e2e-1', 10_000);
  await page.getByRole('group', { name: 'Milestone state' }).getByLabel('Violated').uncheck();
  await page.getByRole('group', { name: 'Milestone state' }).getByLabel('Paused').check();
  await until('the paused filter', async () => (await order()).join() === 'e2e-3', 10_000);
  await page.getByRole('group', { name: 'Milestone state' }).getByLabel('Paused').uncheck();
  await page.getByLabel('Search by id or subject').fill('vat');
  await until('the search', async () => (await order()).join() === 'e2e-4', 10_000);
  await page.getByLabel('View name').fill('VAT questions');
  await page.getByRole('button', { name: 'Save view' }).click();
  await page.getByLabel('Search by id or subject').fill('');
  await until('all rows back', async () => (await order()).length === 4, 10_000);
  log('E2E Board: violated first, sorted by priority both ways, filtered by state, searched, view saved');
  await axe(page, 'the queue board');
  await page.getByRole('button', { name: 'Sort by next deadline' }).click();
  await until('the default order', async () => (await order())[0] === 'e2e-1', 10_000);
  // The picture: an agent's own queue board (an agent watches the queues on their user record, docs/api.md "People").
  await page.screenshot({ path: resolve(shots, 'dashboard.png') });

  // A reload keeps the key (this tab's sessionStorage) and the saved view (localStorage).
  await page.reload();
  await page.locator('#connection[data-state="connected"]').waitFor();
  // The filters gain choices as cases arrive, which moves the buttons below them: click once the board is drawn.
  await page.locator('tr[data-case-id="e2e-1"]').waitFor();
  await page.getByRole('button', { name: 'VAT questions', exact: true }).click();
  await until('the saved search', async () => (await page.getByLabel('Search by id or subject').inputValue()) === 'vat', 10_000);
  await until('the saved view', async () => (await order()).join() === 'e2e-4', 10_000);
  await page.getByLabel('Search by id or subject').fill('');
  const stored = await page.evaluate(() => [sessionStorage.getItem('slagrains.apiKey'), JSON.stringify(localStorage)]);
  check(stored[0] === key && !stored[1].includes(key), 'the key should be in sessionStorage only');
  log('a reload keeps the key in this tab only and the saved view in the browser');

  // ---- the tracker acts ----
  await page.locator('tr[data-case-id="e2e-4"] a').focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: /e2e-4/ }).waitFor();
  const status = (id) => page.locator(`[data-milestone-id="${id}"] .status`);
  const fact = (field) => page.locator(`[data-field="${field}"]`);
  check(await status('first-response#1').innerText() === 'In progress', 'First Response should read In progress');
  await fact('calendar').filter({ hasText: 'Around the clock (Etc/UTC)' }).waitFor();
  await fact('entitlement').filter({ hasText: 'Acme Platinum (Active, unlimited cases)' }).waitFor();
  await page.getByLabel('Time zone').selectOption('America/New_York');
  await page.getByText('Times in America/New_York.').waitFor();
  check(/GMT-[45]/.test(await page.locator('[data-milestone-id="first-response#1"] td').nth(2).innerText()), 'times should name the chosen zone');

  await page.getByRole('button', { name: 'Complete First Response' }).click();
  await status('first-response#1').filter({ hasText: /^Completed$/ }).waitFor();
  await page.locator('.timeline li', { hasText: 'milestoneCompleted: First Response' }).filter({ hasText: 'by ana' }).waitFor();
  log('tracker: First Response completed by ana, in the timeline');

  await page.getByLabel('Reason').fill('Waiting on the vendor');
  await page.getByRole('button', { name: 'Stop clock' }).click();
  await fact('clock').filter({ hasText: /^ ?Stopped since .*GMT-[45]$/ }).waitFor();
  await page.locator('.timeline li', { hasText: 'clockReason=Waiting on the vendor by ana' }).waitFor();
  await page.getByLabel('Reason').fill('Vendor answered');
  await page.getByRole('button', { name: 'Resume clock' }).click();
  await fact('clock').filter({ hasText: 'Running per calendar' }).waitFor();
  await page.getByLabel('New priority').selectOption('Urgent');
  await page.getByRole('button', { name: 'Change priority' }).click();
  await fact('priority').filter({ hasText: 'Urgent' }).waitFor();
  await page.getByLabel('New status').fill('Working');
  await page.getByRole('button', { name: 'Change status' }).click();
  await fact('status').filter({ hasText: 'Working' }).waitFor();
  await page.getByLabel('Entitlement id').fill('acme-platinum');
  await page.getByRole('button', { name: 'Set entitlement' }).click();
  await page.getByLabel('New owner (empty: me)').fill('bo');
  await page.getByRole('button', { name: 'Assign' }).click();
  await fact('owner').filter({ hasText: 'bo' }).waitFor();
  await page.getByRole('button', { name: 'Assign' }).click();
  await fact('owner').filter({ hasText: 'ana' }).waitFor();
  await page.getByLabel('New queue').fill('Tier 2');
  await page.getByRole('button', { name: 'Move to queue' }).click();
  await fact('queue').filter({ hasText: 'Tier 2' }).waitFor();
  log('tracker: clock stopped and resumed with reasons, priority, status, entitlement, owner and queue changed');

  await page.getByLabel('Milestone', { exact: true }).fill('<b>Triage</b>');
  await page.getByRole('button', { name: 'Complete', exact: true }).click();
  const unknown = page.locator('#complete-error');
  await unknown.waitFor();
  const unknownText = await unknown.innerText();
  check(unknownText.includes("no milestone '<b>Triage</b>'") && await unknown.locator('b').count() === 0,
    `an unknown milestone should be named as text: ${unknownText}`);
  await event('e2e-4', { type: 'closed' });
  await fact('status').filter({ hasText: '(closed)' }).waitFor();
  check(await page.getByRole('button', { name: 'Change priority' }).count() === 0, 'a closed case should offer no actions but reopening');
  await page.getByRole('button', { name: 'Reopen case' }).click();
  await page.getByRole('button', { name: 'Change priority' }).waitFor();
  check(!(await fact('status').innerText()).includes('(closed)'), 'the case should read reopened');
  log(`tracker: an unknown milestone refused inline ("${unknownText}"); a closed case offers only Reopen, which works`);
  await axe(page, 'the tracker');
  await page.screenshot({ path: resolve(shots, 'dashboard-tracker.png'), fullPage: true });

  // ---- an alert on my case ----
  // Platinum, High: First Response in 30 minutes, warned 5 minutes before: opened 25 minutes ago less a few seconds.
  await page.getByRole('link', { name: 'My cases' }).click();
  await page.getByRole('heading', { name: 'My cases' }).waitFor();
  const byDeadline = page.getByRole('button', { name: 'Sort by next deadline' }); // the saved view sorted by priority
  if (await byDeadline.count() > 0) await byDeadline.click();
  const openedAt = new Date(Date.now() - 25 * 60_000 + 4_000).toISOString();
  await event('e2e-alert', { type: 'opened', occurredAt: openedAt, case: { accountId: 'acme', priority: 'High', queue: 'E2E Board', owner: 'ana', subject: 'Alert me' } });
  await page.locator('tr[data-case-id="e2e-alert"]').waitFor();
  const toast = page.locator('.toast', { hasText: 'Warning: First Response on case e2e-alert' });
  await toast.waitFor({ timeout: 60_000 });
  await page.locator('tr[data-case-id="e2e-alert"][data-flash="true"]').waitFor();
  const deliveryId = await toast.getAttribute('data-delivery-id');
  const notified = await page.evaluate(() => window.shownNotifications);
  check(notified.some((n) => n.tag === deliveryId && n.body.includes('e2e-alert')), `no browser notification: ${JSON.stringify(notified)}`);
  check(await page.evaluate((id) => localStorage.getItem('slagrains.seenNotices').includes(id), deliveryId), 'the notice should be remembered');
  await page.screenshot({ path: resolve(shots, 'dashboard-alert.png') });
  log(`alert: toast, browser notification and row flash for ${deliveryId}`);
  await event('e2e-alert', { type: 'agentReplied' });
  await page.locator('tr[data-case-id="e2e-alert"] td[data-column="milestone:First Response"] [data-state="done"]').waitFor();

  check(sockets.some((url) => url.includes('/hubs/sla')), `the hub did not connect over a WebSocket: ${sockets}`);
  await checkNoCspViolations(page);
  const unexpected = consoleWarnings.filter((w) => !/Failed to load resource: the server responded with a status of (400|401|404|409)/.test(w));
  check(unexpected.length === 0, `console warnings or errors: ${unexpected.join(' | ')}`);
  log('WebSocket hub, no CSP violations, no console warnings (milestoneCompleted handled)');

  // ---- a revoked key is signed out ----
  await api(`users/ana/keys/${keyId}`, { method: 'DELETE' });
  await page.getByRole('alert').filter({ hasText: 'no longer accepted' }).waitFor({ timeout: 30_000 });
  check(await page.evaluate(() => sessionStorage.getItem('slagrains.apiKey')) === null, 'a revoked key should be forgotten');
  log('revoked key: the hub closed, the dashboard signed out and said why');

  // ---- all open cases, for a key that sees every case (here the Development integration key) ----
  await signInWith(page, devKey);
  await page.locator('#connection[data-state="connected"]').waitFor();
  await page.getByRole('link', { name: 'All open cases' }).click();
  await page.getByRole('heading', { name: 'All open cases' }).waitFor();
  await page.locator('tr[data-case-id="e2e-1"]').waitFor(); // queue E2E Board
  await page.locator('tr[data-case-id="demo-7"]').waitFor(); // queue Tier 1
  await axe(page, 'All open cases');
  log('All open cases: every queue\'s cases on one board');
});
