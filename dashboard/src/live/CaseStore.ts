import type { CaseSnapshot } from '../api/model';

/** A snapshot and how far the browser's clock is from the server's, measured when it arrived. */
export interface Held {
  snapshot: CaseSnapshot;
  asOfMs: number;
  skewMs: number;
}

/** The cases on screen. Keeps the newest version of each; an older or equal push never replaces a newer state. */
export class CaseStore {
  private readonly cases = new Map<string, Held>();

  /** Returns true when the snapshot was taken (newer version, or the same version re-evaluated later). */
  put(snapshot: CaseSnapshot, receivedMs: number = Date.now()): boolean {
    const current = this.cases.get(snapshot.caseId);
    const asOfMs = Date.parse(snapshot.asOf);
    if (current && (snapshot.version < current.snapshot.version ||
        (snapshot.version === current.snapshot.version && asOfMs <= current.asOfMs))) {
      return false;
    }
    this.cases.set(snapshot.caseId, { snapshot, asOfMs, skewMs: receivedMs - asOfMs });
    return true;
  }

  get(caseId: string): Held | undefined {
    return this.cases.get(caseId);
  }

  remove(caseId: string): void {
    this.cases.delete(caseId);
  }

  clear(): void {
    this.cases.clear();
  }

  all(): Held[] {
    return [...this.cases.values()];
  }
}
