// The admin console in a real browser: users and a personal admin key (then signing in with it), a calendar edited with
// its business-time preview answered by the API, a validation error shown on its field, a process versioned with a
// diff, deactivated, and refused deletion while an entitlement grants it, a webhook's gave-up delivery redelivered, the
// webhook paused and its secret rotated, and the audit trail showing what the run did. axe-core checks every view.
import { resolve } from 'node:path';
import { api, axe, base, check, checkNoCspViolations, devKey, event, log, scenario, shots, signInWith, until } from './harness.mjs';

// The webhook's receiver is a closed loopback port: every delivery fails at once, and with one attempt it gives up, so
// the console has a gave-up delivery to resend. Nothing leaves the machine.
process.env.Sla__Webhooks__AllowedHosts__0 = '127.0.0.1';
process.env.Sla__Webhooks__MaxAttempts = '1';

await scenario('admin', async ({ newPage }) => {
  const page = await newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && !m.text().includes('status of 4') && problems.push(m.text()));

  // ---- the Development admin key: the Admin link ----
  await page.goto(base);
  await signInWith(page, devKey);
  await page.getByRole('link', { name: 'Admin' }).click();
  await page.getByRole('heading', { name: 'Users and keys' }).waitFor();
  log('signed in as the Development admin; the header links to the console');

  // ---- users and keys ----
  await page.getByRole('button', { name: 'New user' }).click();
  const userForm = page.getByRole('form', { name: 'New user' });
  await userForm.getByLabel('User id').fill('riley');
  await userForm.getByLabel('Name').fill('Riley Admin');
  await userForm.getByLabel('Email').fill('riley@example.com');
  await userForm.getByLabel('Role').selectOption('admin');
  await userForm.getByLabel('Queues (comma-separated)').fill('Tier 1, Tier 2');
  await userForm.getByRole('button', { name: 'Save user' }).click();
  await page.locator('tr[data-user-id="riley"]', { hasText: 'Riley Admin' }).waitFor();
  await page.getByRole('button', { name: 'Keys of riley' }).click();
  await page.getByLabel('Key name').fill('e2e laptop');
  await page.getByRole('button', { name: 'Create key' }).click();
  await page.getByText('you will not see it again').waitFor();
  const key = await page.locator('#new-key-value').inputValue();
  check(key.startsWith('slk_'), `the new key should be shown once: ${key}`);
  await page.locator('tr[data-key-id]', { hasText: 'e2e laptop' }).waitFor();
  await axe(page, 'Users and keys');
  await page.screenshot({ path: resolve(shots, 'admin-users.png'), fullPage: true });
  log('created user riley (admin) and a key, shown once');

  // ---- sign in with the new key ----
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signInWith(page, key);
  await page.locator('#who', { hasText: 'Riley Admin (admin)' }).waitFor();
  await page.getByRole('link', { name: 'Admin' }).click();
  await page.getByRole('link', { name: 'Calendars' }).click();
  log('signed in with the new key as Riley Admin (admin)');

  // ---- a calendar: grid, holidays, preview, a validation error on its field ----
  await page.getByRole('heading', { name: 'Calendars' }).waitFor();
  await page.getByRole('button', { name: 'New calendar' }).click();
  const cal = page.getByRole('form', { name: 'New calendar' });
  await cal.getByLabel('Calendar id').fill('e2e-office');
  await cal.getByLabel('Name', { exact: true }).fill('E2E office');
  await cal.getByLabel('Time zone (IANA)').fill('Europe/London');
  await cal.getByRole('button', { name: 'Add span to Wednesday' }).click();
  await cal.getByLabel('Wednesday span 1 closes').fill('12:00');
  await cal.getByLabel('Wednesday span 2 opens').fill('13:00');
  await cal.getByLabel('Wednesday span 2 closes').fill('24:00');
  await cal.getByRole('button', { name: 'Add holiday' }).click();
  await cal.getByLabel('Date of holiday 1').fill('2025-12-25');
  await cal.getByLabel('Name of holiday 1').fill('Christmas Day');
  await cal.getByLabel('Every year (holiday 1)').check();
  await cal.getByLabel('Monday span 1 opens').fill('25:00');
  await cal.getByRole('button', { name: 'Save calendar' }).click();
  const monday = cal.getByLabel('Monday span 1 opens');
  await until('the error on weekly.monday[0].start', async () => (await monday.getAttribute('aria-invalid')) === 'true', 20_000);
  const describedBy = await monday.getAttribute('aria-describedby');
  const message = await page.locator(`#${describedBy}`).innerText();
  check(message.includes('25:00'), `the field's error should name the bad time: ${message}`);
  await cal.getByRole('alert').getByRole('link', { name: 'weekly.monday[0].start' }).waitFor();
  await axe(page, 'Calendars (with a validation error)');
  log(`a bad opening time is refused on its field: "${message}"`);
  await monday.fill('09:00');
  await cal.getByRole('button', { name: 'Save calendar' }).click();
  const edit = page.getByRole('form', { name: 'Edit calendar e2e-office' });
  await edit.waitFor();
  // A Friday 16:00 London at least a week ahead (a save makes a calendar version effective from now on, so the past
  // keeps the hours it had): 1.5 business hours with 09:00-17:00 end the Monday after at 09:30.
  const friday = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 7, 12));
  while (friday.getUTCDay() !== 5 || (friday.getUTCMonth() === 11 && friday.getUTCDate() >= 21 && friday.getUTCDate() <= 26)) {
    friday.setUTCDate(friday.getUTCDate() + 1); // a Friday whose weekend does not touch the yearly 25 December holiday
  }
  const nextMonday = new Date(friday.getTime() + 3 * 86_400_000);
  const day = (d) => new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }).format(d);
  await edit.getByLabel('Business hours').fill('1.5');
  await edit.getByLabel("from (your browser's time)").fill(`${friday.toISOString().slice(0, 10)}T16:00`);
  const answer = edit.locator('#preview-answer');
  await until('the preview answer', async () => (await answer.innerText()).includes(`${day(nextMonday)}, 09:30`), 20_000);
  log(`preview: ${await answer.innerText()}`);
  await edit.getByLabel('Friday span 1 closes').fill('18:00');
  check((await page.locator('.bar[data-day="friday"]').getAttribute('aria-label')) === 'friday: 09:00–18:00', 'the week drawn should follow the form');
  await edit.getByRole('button', { name: 'Save calendar' }).click();
  await until('the preview answer after the save', async () => (await page.locator('#preview-answer').innerText()).includes(`${day(friday)}, 17:30`), 20_000);
  log(`after Friday closes at 18:00: ${await page.locator('#preview-answer').innerText()}`);
  check((await api('calendars/e2e-office')).weekly.wednesday.length === 2, 'the split Wednesday should be stored as two spans');

  // ---- calendar versions: a past effective instant refused on its field; a later one leaves this Friday as it is ----
  const effective = edit.getByLabel("Effective from (your browser's time; empty: now)");
  await effective.fill('2025-01-06T09:00');
  await edit.getByRole('button', { name: 'Save calendar' }).click();
  await until('the error on effectiveFrom', async () => (await effective.getAttribute('aria-invalid')) === 'true', 20_000);
  log(`a past effective instant is refused on its field: "${await page.locator(`#${await effective.getAttribute('aria-describedby')}`).innerText()}"`);
  const weekAfter = new Date(nextMonday.getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
  await effective.fill(`${weekAfter}T00:00`);
  await edit.getByLabel('Friday span 1 closes').fill('16:00');
  await edit.getByRole('button', { name: 'Save calendar' }).click();
  await page.getByRole('status').filter({ hasText: /Version \d+ saved, effective from/ }).waitFor();
  await until('the versions table', async () => (await page.locator('table.calendar-versions tbody tr').count()) >= 3, 20_000);
  const versions = await api('calendars/e2e-office/versions');
  check(versions.at(-1).effectiveFrom.startsWith(weekAfter) || new Date(versions.at(-1).effectiveFrom) > nextMonday, `the new version should take effect the week after: ${JSON.stringify(versions.at(-1))}`);
  await until('this Friday still closing at 18:00', async () => (await page.locator('#preview-answer').innerText()).includes(`${day(friday)}, 17:30`), 20_000);
  log(`version ${versions.at(-1).version} effective ${versions.at(-1).effectiveFrom}; this Friday's answer unchanged`);
  await axe(page, 'Calendars');
  await page.screenshot({ path: resolve(shots, 'admin-calendars.png'), fullPage: true });

  // ---- a process: create, a new version, the diff, deactivate ----
  await page.getByRole('link', { name: 'Processes' }).click();
  await page.getByRole('button', { name: 'New process' }).click();
  const proc = page.getByRole('form', { name: 'New process' });
  await proc.getByLabel('Process id').fill('e2e-proc');
  await proc.getByLabel('Name', { exact: true }).fill('E2E process');
  await proc.getByLabel('Target minutes (milestone 1)').fill('60');
  await proc.getByRole('button', { name: 'Add priority time (milestone 1)' }).click();
  await proc.getByLabel('minutes (milestone 1, Urgent)').fill('15');
  await proc.getByRole('button', { name: 'Add warning (milestone 1)' }).click();
  await proc.getByRole('button', { name: 'Add action (milestone 1)' }).click();
  await proc.getByRole('button', { name: 'Create process' }).click();
  const v1 = page.getByRole('form', { name: 'Edit process e2e-proc (version 1)' });
  await v1.waitFor();
  await v1.getByLabel('Target minutes (milestone 1)').fill('90');
  await v1.getByRole('button', { name: 'Save as a new version' }).click();
  await page.getByRole('form', { name: 'Edit process e2e-proc (version 2)' }).waitFor();
  const diffRow = page.locator('tr[data-path="milestones[0].minutes"]');
  await diffRow.waitFor();
  check((await diffRow.innerText()).replace(/\s+/g, ' ').includes('milestones[0].minutes 60 90'), `the diff should show 60 -> 90: ${await diffRow.innerText()}`);
  log('version 2 saved; the diff shows milestones[0].minutes 60 -> 90');
  await axe(page, 'Processes');
  await page.screenshot({ path: resolve(shots, 'admin-processes.png'), fullPage: true });
  await page.getByRole('button', { name: 'Deactivate' }).click();
  await page.getByRole('form', { name: 'Edit process e2e-proc (version 3)' }).waitFor();
  await page.locator('tr[data-process-id="e2e-proc"]', { hasText: 'deactivated' }).waitFor();
  await page.getByLabel('Show').selectOption('active');
  check(await page.locator('tr[data-process-id="e2e-proc"]').count() === 0, 'a deactivated process should not be listed as active');
  log('deactivated: version 3, listed as deactivated');

  // ---- an entitlement granting it; then deleting the process is refused, naming it ----
  await page.getByRole('link', { name: 'Entitlements' }).click();
  await page.getByRole('button', { name: 'New entitlement' }).click();
  const ent = page.getByRole('form', { name: 'New entitlement' });
  await ent.getByLabel('Entitlement id').fill('e2e-ent');
  await ent.getByLabel('Name', { exact: true }).fill('E2E entitlement');
  await ent.getByLabel('Account id').fill('e2e-account');
  await ent.getByLabel(/^Contacts/).fill('c-1, c-2');
  await ent.getByLabel('Process id').fill('e2e-proc');
  await ent.getByLabel('Start date').fill('2025-01-01');
  await ent.getByLabel(/^Cases allowed/).fill('5');
  await ent.getByRole('button', { name: 'Save entitlement' }).click();
  const entRow = page.locator('tr[data-entitlement-id="e2e-ent"]');
  await entRow.waitFor();
  check((await entRow.innerText()).includes('5'), 'the cap and remaining cases should show');
  await axe(page, 'Entitlements');
  await page.screenshot({ path: resolve(shots, 'admin-entitlements.png'), fullPage: true });
  await page.getByRole('link', { name: 'Processes' }).click();
  await page.getByRole('button', { name: 'Edit e2e-proc' }).click();
  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'e2e-ent' });
  await refusal.waitFor();
  log(`deleting the process is refused: ${await refusal.innerText()}`);

  // ---- a webhook: a gave-up delivery redelivered, pause, rotate ----
  await page.getByRole('link', { name: 'Webhooks' }).click();
  await page.getByRole('button', { name: 'New webhook' }).click();
  const hook = page.getByRole('form', { name: 'New webhook' });
  await hook.getByLabel('Webhook id').fill('e2e-hook');
  await hook.getByLabel('URL').fill('http://127.0.0.1:9/sla');
  await hook.getByLabel('milestone.completed').check();
  await hook.getByLabel(/^Only these queues/).fill('E2E Admin');
  await hook.getByLabel(/^Signing secret/).fill('short');
  await hook.getByRole('button', { name: 'Save webhook' }).click();
  await until('the secret error', async () => (await hook.getByLabel(/^Signing secret/).getAttribute('aria-invalid')) === 'true', 20_000);
  await hook.getByLabel(/^Signing secret/).fill('an-e2e-secret-of-16-chars');
  await hook.getByRole('button', { name: 'Save webhook' }).click();
  const opened = page.getByRole('form', { name: 'Webhook e2e-hook' });
  await opened.waitFor();
  // A case already past its Urgent target (15 minutes) in the filtered queue: its violation notice fails and gives up.
  await event('e2e-admin-1', { type: 'opened', occurredAt: new Date(Date.now() - 16 * 60_000).toISOString(), case: { accountId: 'acme', queue: 'E2E Admin', status: 'New', priority: 'Urgent', subject: 'Gave up' } });
  await until('a gave-up delivery', async () => {
    await page.getByRole('button', { name: 'Refresh deliveries' }).click();
    return (await page.locator('tr[data-outcome="gaveUp"]').count()) > 0;
  }, 60_000);
  await page.locator('tr[data-outcome="gaveUp"]').first().getByRole('button', { name: /^Redeliver/ }).click();
  await page.getByRole('status').filter({ hasText: 'again from attempt 1' }).waitFor();
  log('a gave-up delivery was queued again');
  await opened.getByRole('button', { name: 'Pause' }).click();
  await page.locator('tr[data-webhook-id="e2e-hook"] td[data-state="paused"]').waitFor();
  await page.locator('#hook-state', { hasText: 'Paused' }).waitFor();
  await page.getByLabel('New secret').fill('the-rotated-e2e-secret-0001');
  await page.getByLabel(/^Overlap/).fill('24');
  await page.getByRole('button', { name: 'Rotate secret' }).click();
  await page.locator('#rotate-overlap').waitFor();
  const stored = await api('webhooks/e2e-hook');
  check(stored.paused === true && stored.previousSecretUntil !== null, `the webhook should be paused in an overlap: ${JSON.stringify(stored)}`);
  await axe(page, 'Webhooks');
  await page.screenshot({ path: resolve(shots, 'admin-webhooks.png'), fullPage: true });
  log('webhook paused and its secret rotated with a 24 h overlap');

  // ---- the audit trail: what this run did, by Riley ----
  await page.getByRole('link', { name: 'Audit trail' }).click();
  await page.getByLabel('Actor id').fill('riley');
  await page.getByRole('button', { name: 'Show entries' }).click();
  for (const [resource, action] of [['process:e2e-proc', 'deactivated'], ['webhook:e2e-hook', 'secretRotated'], ['webhook:e2e-hook', 'paused'], ['calendar:e2e-office', 'updated'], ['entitlement:e2e-ent', 'created']]) {
    await page.locator(`tr[data-resource="${resource}"][data-action="${action}"]`).first().waitFor();
  }
  const row = page.locator('tr[data-resource="calendar:e2e-office"][data-action="updated"]').first();
  await row.getByText('Show').click();
  check((await row.innerText()).includes('"18:00"'), 'the calendar change should show its before and after states');
  check((await row.getByRole('list', { name: 'Changed fields' }).innerText()).includes('weekly.friday[0].end: "18:00" → "16:00"'), 'the calendar change should list the changed field');
  await axe(page, 'Audit trail');
  await page.screenshot({ path: resolve(shots, 'admin-audit.png'), fullPage: true });
  await page.getByLabel('Kind').selectOption('user');
  await page.getByLabel('Actor id').fill('');
  await page.getByRole('button', { name: 'Show entries' }).click();
  await page.locator('tr[data-resource="user:riley"][data-action="created"]').waitFor();
  await page.locator('tr[data-resource="user:riley"][data-action="keyCreated"]').waitFor();
  log('the audit trail lists the run\'s changes with before and after');

  await checkNoCspViolations(page);
  check(problems.length === 0, `errors in the page: ${problems.join('; ')}`);
});
