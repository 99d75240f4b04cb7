const STORAGE = 'slagrains.seenNotices';
const KEEP = 1000;

/**
 * The notices this browser has shown, by their stable delivery id, in localStorage so that a reconnect, a reload or a
 * second tab never shows one twice. Only the newest ids are kept: an old notice is not sent again.
 */
export function firstSighting(deliveryId: string): boolean {
  let seen: string[];
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE) ?? '[]');
    seen = Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    seen = [];
  }
  if (seen.includes(deliveryId)) {
    return false;
  }
  seen.push(deliveryId);
  localStorage.setItem(STORAGE, JSON.stringify(seen.slice(-KEEP)));
  return true;
}
