import './style.css';
import { countdown, formatSeconds, nearest } from './countdown';
import { Live, type ConnectionState } from './live';
import type { CaseEvent, CaseSnapshot, Milestone, Notice } from './model';
import { CaseStore, type Held } from './store';

// The key lives in this tab's sessionStorage: gone when the tab closes, and not shared with other tabs or left on
// disk as localStorage would. Only the chosen queue, no secret, is remembered across sessions.
const KEY_STORAGE = 'slagrains.apiKey';
const QUEUE_STORAGE = 'slagrains.queue';
localStorage.removeItem(KEY_STORAGE); // where earlier versions kept it

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const boardRows = $<HTMLTableSectionElement>('board-rows');
const trackerRows = $<HTMLTableSectionElement>('tracker-rows');
const queueInput = $<HTMLInputElement>('queue');
const keyDialog = $<HTMLDialogElement>('key-dialog');

const store = new CaseStore();
const violations: Notice[] = [];
let live: Live | undefined;
let queue = localStorage.getItem(QUEUE_STORAGE) ?? 'Tier 1';
let openCase: string | undefined;

queueInput.value = queue;

// ---- connection -------------------------------------------------------------------------------------------------

function showState(state: ConnectionState): void {
  const el = $('connection');
  el.dataset.state = state;
  el.textContent = state === 'connected' ? 'Live' : state === 'reconnecting' ? 'Reconnecting…' : 'Disconnected';
}

async function connect(key: string): Promise<void> {
  await live?.stop();
  live = new Live(key, {
    caseChanged: (snapshot) => {
      if (store.put(snapshot)) {
        onCaseChanged(snapshot);
      }
    },
    violated: (notice) => {
      violations.push(notice);
      renderSummary();
    },
    state: showState,
    reconnected: () => void resubscribe(),
  });
  try {
    await live.start();
    showState('connected');
    await resubscribe();
  } catch {
    showState('disconnected');
    askForKey('The hub refused the connection: check the key (it needs the read scope).');
  }
}

/**
 * Subscribes to the queue (and the open case) again and takes fresh snapshots: after connecting or reconnecting. The
 * hub may refuse for a while (its per-key call rate, when many dashboards share a key reconnect at once): then it
 * tries again a few seconds later, at a random moment so they do not all come back together.
 */
async function resubscribe(): Promise<void> {
  if (!live) {
    return;
  }
  try {
    store.clear();
    for (const snapshot of await live.subscribeQueue(queue)) {
      store.put(snapshot);
    }
    if (openCase) {
      const snapshot = await live.subscribeCase(openCase);
      if (snapshot) {
        store.put(snapshot);
      }
    }
  } catch {
    setTimeout(() => void resubscribe(), 2000 + Math.random() * 5000);
  }
  renderBoard();
  renderSummary();
  renderDetail();
}

function onCaseChanged(snapshot: CaseSnapshot): void {
  if (snapshot.caseId === openCase) {
    renderDetail();
    void loadTimeline(snapshot.caseId);
  }
  const onBoard = snapshot.queue === queue && !snapshot.closed;
  if (!onBoard && snapshot.caseId !== openCase) {
    store.remove(snapshot.caseId);
  }
  renderBoard();
  renderSummary();
}

function askForKey(message?: string): void {
  const form = $<HTMLFormElement>('key-form');
  form.querySelector('.error')?.remove();
  if (message) {
    const p = document.createElement('p');
    p.className = 'error';
    p.textContent = message;
    form.append(p);
  }
  if (!keyDialog.open) {
    keyDialog.showModal();
  }
}

$<HTMLFormElement>('key-form').addEventListener('submit', () => {
  const key = $<HTMLInputElement>('key').value.trim();
  if (key) {
    sessionStorage.setItem(KEY_STORAGE, key);
    void connect(key);
  }
});
$('change-key').addEventListener('click', () => askForKey());

$<HTMLFormElement>('queue-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const next = queueInput.value.trim();
  if (!next || next === queue || !live) {
    return;
  }
  await live.unsubscribeQueue(queue);
  queue = next;
  localStorage.setItem(QUEUE_STORAGE, queue);
  await resubscribe();
});

// ---- queue board ------------------------------------------------------------------------------------------------

function boardCases(): Held[] {
  const deadline = (h: Held) => {
    const m = nearest(h.snapshot.milestones);
    return m?.targetAt ? Date.parse(m.targetAt) : Number.POSITIVE_INFINITY;
  };
  return store.all()
    .filter((h) => h.snapshot.queue === queue && !h.snapshot.closed)
    .sort((a, b) => deadline(a) - deadline(b) || a.snapshot.caseId.localeCompare(b.snapshot.caseId));
}

/** Rebuilds rows only when data changed; the 4 Hz tick below only rewrites countdown text, so nothing flickers. */
function renderBoard(): void {
  const cases = boardCases();
  const focused = (document.activeElement as HTMLElement | null)?.dataset.caseId;
  boardRows.replaceChildren(...cases.map((held) => {
    const { snapshot } = held;
    const m = nearest(snapshot.milestones);
    const row = document.createElement('tr');
    row.tabIndex = 0;
    row.dataset.caseId = snapshot.caseId;
    row.append(
      cell(snapshot.caseId, 'id'),
      cell(snapshot.subject ?? ''),
      cell(snapshot.priority ?? ''),
      cell(m ? m.name : 'no open milestone'),
      cell('', 'num countdown'),
      cell('', 'clock'),
    );
    row.addEventListener('click', () => show(snapshot.caseId));
    row.addEventListener('keydown', (e) => onRowKey(e, row, snapshot.caseId));
    return row;
  }));
  $('board-empty').hidden = cases.length > 0;
  if (focused) {
    boardRows.querySelector<HTMLElement>(`[data-case-id="${CSS.escape(focused)}"]`)?.focus();
  }
  tick();
}

function onRowKey(e: KeyboardEvent, row: HTMLElement, caseId: string): void {
  if (e.key === 'Enter') {
    show(caseId);
  } else if (e.key === 'ArrowDown') {
    (row.nextElementSibling as HTMLElement | null)?.focus();
    e.preventDefault();
  } else if (e.key === 'ArrowUp') {
    (row.previousElementSibling as HTMLElement | null)?.focus();
    e.preventDefault();
  }
}

function cell(text: string, className = ''): HTMLTableCellElement {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) {
    td.className = className;
  }
  return td;
}

/** Writes a countdown into a cell and a clock label next to it, coloured by tone. */
function paint(target: HTMLElement, clock: HTMLElement | null, m: Milestone | undefined, held: Held): void {
  if (!m) {
    target.textContent = '—';
    target.dataset.tone = 'done';
    return;
  }
  const c = countdown(m, held.asOfMs, Date.now() - held.skewMs);
  target.textContent = formatSeconds(c.seconds);
  target.dataset.tone = c.tone;
  if (clock) {
    clock.textContent = c.label;
    clock.dataset.running = String(c.running);
  }
}

function tick(): void {
  for (const row of boardRows.rows) {
    const held = store.get(row.dataset.caseId!);
    if (held) {
      paint(row.cells[4], row.cells[5], nearest(held.snapshot.milestones), held);
    }
  }
  if (openCase) {
    const held = store.get(openCase);
    for (const row of trackerRows.rows) {
      const m = held?.snapshot.milestones.find((x) => x.id === row.dataset.milestoneId);
      if (held && m) {
        paint(row.cells[6], row.cells[7], m, held);
      }
    }
  }
}

// ---- summary ----------------------------------------------------------------------------------------------------

function renderSummary(): void {
  const cases = boardCases().map((h) => h.snapshot);
  const count = (status: CaseSnapshot['milestoneStatus']) => cases.filter((c) => c.milestoneStatus === status).length;
  const hourAgo = Date.now() - 3600_000;
  const recent = new Set<string>();
  for (const c of cases) {
    for (const m of c.milestones) {
      if (m.isViolated && m.targetAt && Date.parse(m.targetAt) >= hourAgo) {
        recent.add(`${c.caseId}/${m.id}`);
      }
    }
  }
  for (const n of violations) {
    if (Date.parse(n.occurredAt) >= hourAgo && n.queue === queue) {
      recent.add(`${n.caseId}/${n.milestone.id}`);
    }
  }
  const figure = (label: string, value: number, tone: string) => {
    const div = document.createElement('div');
    div.className = 'figure';
    div.dataset.tone = tone;
    div.innerHTML = `<span class="value"></span><span class="label"></span>`;
    div.querySelector('.value')!.textContent = String(value);
    div.querySelector('.label')!.textContent = label;
    return div;
  };
  $('summary').replaceChildren(
    figure('open cases', cases.length, 'neutral'),
    figure('compliant', count('Compliant'), 'green'),
    figure('open violation', count('OpenViolation'), 'red'),
    figure('closed violation', count('ClosedViolation'), 'late'),
    figure('violations, last hour', recent.size, 'red'),
  );
}

// ---- case detail (milestone tracker) ----------------------------------------------------------------------------

const ICONS: Record<Milestone['status'], string> = {
  InProgress: '⏱', Paused: '⏸', Completed: '✔', Violated: '⚠', CompletedLate: '✔!', Canceled: '✖',
};

function show(caseId: string | undefined): void {
  location.hash = caseId ? `#/case/${encodeURIComponent(caseId)}` : '';
}

async function route(): Promise<void> {
  const match = /^#\/case\/(.+)$/.exec(location.hash);
  const next = match ? decodeURIComponent(match[1]) : undefined;
  if (openCase && openCase !== next) {
    await live?.unsubscribeCase(openCase).catch(() => undefined);
  }
  openCase = next;
  $('board').hidden = !!openCase;
  $('detail').hidden = !openCase;
  if (openCase && live) {
    const snapshot = await live.subscribeCase(openCase);
    if (snapshot) {
      store.put(snapshot);
    }
    await loadTimeline(openCase);
  }
  renderDetail();
  if (openCase) {
    $('back').focus();
  } else {
    boardRows.querySelector<HTMLElement>('tr')?.focus();
  }
}

function renderDetail(): void {
  if (!openCase) {
    return;
  }
  const held = store.get(openCase);
  $('detail-title').textContent = held ? `${openCase} — ${held.snapshot.subject ?? ''}` : `${openCase} (not found)`;
  if (!held) {
    trackerRows.replaceChildren();
    return;
  }
  const s = held.snapshot;
  $('detail-meta').textContent = [
    `${s.priority ?? 'no priority'} · ${s.status ?? ''} · queue ${s.queue ?? '—'}`,
    s.processId ? `process ${s.processId} v${s.processVersion}` : 'no SLA',
    s.entitlementReason ?? '',
  ].filter(Boolean).join(' · ');
  const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');
  trackerRows.replaceChildren(...s.milestones.map((m) => {
    const row = document.createElement('tr');
    row.dataset.milestoneId = m.id;
    row.append(
      cell(ICONS[m.status], 'icon'),
      cell(`${m.name} #${m.instance}`),
      cell(time(m.startedAt)),
      cell(time(m.targetAt)),
      cell(formatSeconds(m.elapsedSeconds), 'num'),
      cell(formatSeconds(m.pausedSeconds), 'num'),
      cell('', 'num countdown'),
      cell('', 'clock'),
      cell(m.status, 'status'),
    );
    return row;
  }));
  tick();
}

async function loadTimeline(caseId: string): Promise<void> {
  const key = sessionStorage.getItem(KEY_STORAGE) ?? '';
  const response = await fetch(`api/v1/cases/${encodeURIComponent(caseId)}/events`, { headers: { 'X-Api-Key': key } });
  const events: CaseEvent[] = response.ok ? await response.json() : [];
  if (caseId !== openCase) {
    return;
  }
  $('timeline').replaceChildren(...events.map((e) => {
    const li = document.createElement('li');
    const what = e.type === 'milestoneCompleted' ? `${e.type}: ${e.milestone}` : e.changes ? `${e.type} ${summarize(e.changes)}` : e.type;
    li.textContent = `${new Date(e.occurredAt).toLocaleString()} — ${what}`;
    return li;
  }));
}

function summarize(changes: Record<string, unknown>): string {
  return Object.entries(changes).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ');
}

$('back').addEventListener('click', () => show(undefined));
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && openCase && !keyDialog.open) {
    show(undefined);
  }
});
window.addEventListener('hashchange', () => void route());

// ---- start ------------------------------------------------------------------------------------------------------

setInterval(tick, 250);
const saved = sessionStorage.getItem(KEY_STORAGE);
if (saved) {
  void connect(saved).then(route);
} else {
  askForKey();
}
