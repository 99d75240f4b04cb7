import { ApiError } from '../api/ApiError';
import { api } from '../api/http';
import type { CaseSnapshot, Me } from '../api/model';
import { Live } from '../live/Live';
import { handleNotice, askNotificationPermissionOnce } from './alerts';
import { cases, casesChanged, KEY_STORAGE, useSla } from './store';

/**
 * The hub connection and what it is subscribed to. Views acquire queues and cases and release them when they go;
 * a subscription is shared by reference count, and after a reconnect every held one is made again (groups do not
 * survive a reconnect).
 */
class Subscriptions {
  private live: Live | undefined;
  private readonly queues = new Map<string, number>();
  private readonly caseIds = new Map<string, number>();
  private readonly owners = new Map<string, number>();

  attach(live: Live | undefined): void {
    this.live = live;
  }

  acquireQueue(queue: string): () => void {
    return this.acquire(this.queues, queue, () => this.subscribeQueue(queue), (live) => live.unsubscribeQueue(queue));
  }

  /** An owner's cases (`me`): the hub also pushes a case to the owner it leaves, so their board can drop it. */
  acquireOwner(owner: string): () => void {
    return this.acquire(this.owners, owner, () => this.subscribeOwner(owner), (live) => live.unsubscribeOwner(owner));
  }

  acquireCase(caseId: string): () => void {
    return this.acquire(this.caseIds, caseId, () => this.subscribeCase(caseId), (live) => live.unsubscribeCase(caseId));
  }

  async resubscribeAll(): Promise<void> {
    await Promise.all([
      ...[...this.queues.keys()].map((q) => this.subscribeQueue(q)),
      ...[...this.owners.keys()].map((o) => this.subscribeOwner(o)),
      ...[...this.caseIds.keys()].map((c) => this.subscribeCase(c)),
    ]);
  }

  private acquire(counts: Map<string, number>, name: string, subscribe: () => Promise<void>, unsubscribe: (live: Live) => Promise<void>): () => void {
    const count = counts.get(name) ?? 0;
    counts.set(name, count + 1);
    if (count === 0) {
      void subscribe();
    }
    let released = false;
    return () => {
      if (released) {
        return;
      }
      released = true;
      const left = (counts.get(name) ?? 1) - 1;
      if (left > 0) {
        counts.set(name, left);
        return;
      }
      counts.delete(name);
      if (this.live && useSla.getState().connection === 'connected') {
        void unsubscribe(this.live).catch(() => undefined);
      }
    };
  }

  private async subscribeQueue(queue: string): Promise<void> {
    await this.retrying(async (live) => take(await live.subscribeQueue(queue)), () => this.queues.has(queue));
  }

  private async subscribeOwner(owner: string): Promise<void> {
    await this.retrying(async (live) => take(await live.subscribeOwner(owner)), () => this.owners.has(owner));
  }

  private async subscribeCase(caseId: string): Promise<void> {
    await this.retrying(async (live) => {
      const snapshot = await live.subscribeCase(caseId);
      take(snapshot ? [snapshot] : []);
    }, () => this.caseIds.has(caseId));
  }

  /**
   * The hub may refuse for a while (its per-key call rate, when many dashboards sharing a key reconnect at once):
   * then try again a few seconds later, at a random moment so they do not all come back together.
   */
  private async retrying(call: (live: Live) => Promise<void>, wanted: () => boolean): Promise<void> {
    const live = this.live;
    if (!live || useSla.getState().connection !== 'connected' || !wanted()) {
      return; // subscribed on connecting
    }
    try {
      await call(live);
    } catch {
      setTimeout(() => void this.retrying(call, wanted), 2000 + Math.random() * 5000);
    }
  }
}

export const subscriptions = new Subscriptions();
let live: Live | undefined;

function take(snapshots: CaseSnapshot[]): void {
  let changed = false;
  for (const s of snapshots) {
    changed = cases.put(s) || changed;
  }
  if (changed) {
    casesChanged();
  }
}

let signingIn: Promise<void> | undefined;

/** Checks the key (GET /api/v1/me), keeps it for this tab only, and connects the hub. */
export function signIn(key: string): Promise<void> {
  // React's strict mode runs effects twice in development: one sign-in at a time.
  signingIn ??= doSignIn(key).finally(() => {
    signingIn = undefined;
  });
  return signingIn;
}

async function doSignIn(key: string): Promise<void> {
  let me: Me;
  try {
    me = await api<Me>(key, 'me');
  } catch (error) {
    const refused = error instanceof ApiError && (error.status === 401 || error.status === 403);
    sessionStorage.removeItem(KEY_STORAGE);
    useSla.setState({ key: null, signInMessage: refused ? 'That key was refused: it is unknown, revoked or expired.' : `Signing in failed: ${(error as Error).message}` });
    return;
  }
  // sessionStorage: gone when the tab closes, not shared with other tabs, never written to disk as localStorage is.
  sessionStorage.setItem(KEY_STORAGE, key);
  useSla.setState({ key, me, signInMessage: null });
  await connect(key);
  void askNotificationPermissionOnce();
}

export async function signOut(message: string | null = null): Promise<void> {
  sessionStorage.removeItem(KEY_STORAGE);
  const closing = live;
  live = undefined;
  subscriptions.attach(undefined);
  useSla.setState({ key: null, me: null, signInMessage: message, connection: 'disconnected' });
  cases.clear();
  casesChanged();
  await closing?.stop();
}

async function connect(key: string): Promise<void> {
  await live?.stop();
  const connection = new Live(key, {
    caseChanged: (snapshot) => take([snapshot]),
    notice: handleNotice,
    state: (state) => {
      if (live === connection) {
        useSla.setState({ connection: state });
      }
    },
    reconnected: () => void subscriptions.resubscribeAll(),
    closed: () => void (live === connection ? checkKey(key) : undefined),
  });
  live = connection;
  subscriptions.attach(connection);
  useSla.setState({ connection: 'connecting' });
  try {
    await connection.start();
    useSla.setState({ connection: 'connected' });
    await subscriptions.resubscribeAll();
  } catch {
    useSla.setState({ connection: 'disconnected' });
    await checkKey(key);
  }
}

/** The hub closed or refused: if the key itself is no longer good (revoked, expired), sign out and say so. */
async function checkKey(key: string): Promise<void> {
  try {
    await api<Me>(key, 'me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      await signOut('Your key is no longer accepted (revoked or expired). Sign in with a new key.');
    }
  }
}

/** Any API answer of 401 means the same: the key went bad while signed in. */
export function onApiError(error: unknown): void {
  if (error instanceof ApiError && error.status === 401) {
    void signOut('Your key is no longer accepted (revoked or expired). Sign in with a new key.');
  }
}

/** The open cases a listing names (GET /api/v1/cases), every page of it. */
export async function listCaseIds(key: string, query: string, max = 10_000): Promise<{ caseId: string; queue?: string | null }[]> {
  const found: { caseId: string; queue?: string | null }[] = [];
  let cursor: string | null | undefined;
  do {
    const page = await api<{ items: { caseId: string; queue?: string | null }[]; nextCursor?: string | null }>(
      key, `cases?${query}&limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    found.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && found.length < max);
  return found;
}
