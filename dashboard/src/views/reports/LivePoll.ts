/**
 * Re-reads a report every `intervalMs` while the page is visible, with the last ETag, so an unchanged report costs a
 * bodiless 304; `changed` runs on each new answer. A hidden tab stops polling and reads at once when shown again.
 */
export function pollWhileVisible(read: () => Promise<boolean>, changed: () => void, intervalMs = 1000, doc: Document = document): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let running = false;

  const tick = async () => {
    timer = undefined;
    if (stopped || running || doc.visibilityState !== 'visible') {
      return;
    }
    running = true;
    try {
      if (await read()) {
        changed();
      }
    } catch {
      // a failed poll (a restart, a network blip) is retried at the next tick; the page keeps what it shows
    } finally {
      running = false;
    }
    if (!stopped) {
      timer = setTimeout(() => void tick(), intervalMs);
    }
  };
  const onVisibility = () => {
    if (doc.visibilityState === 'visible' && timer === undefined && !running) {
      void tick();
    }
  };
  doc.addEventListener('visibilitychange', onVisibility);
  timer = setTimeout(() => void tick(), intervalMs);
  return () => {
    stopped = true;
    clearTimeout(timer);
    doc.removeEventListener('visibilitychange', onVisibility);
  };
}
