import type { Notice } from '../api/model';
import { formatSeconds } from '../live/countdown';
import { cases, useSla } from './store';
import { firstSighting } from './seenNotices';

const NOTIFY_ASKED = 'slagrains.notificationsAsked';
const TOAST_MS = 12_000;
const FLASH_MS = 5_000;

/** Whether a notice concerns the signed-in person: a case they own, or a queue they watch. */
export function concernsMe(notice: Notice): boolean {
  const { me, watched } = useSla.getState();
  const owner = cases.get(notice.caseId)?.snapshot.owner;
  return (!!me && me.kind === 'user' && owner === me.id) || (!!notice.queue && watched.includes(notice.queue));
}

export function noticeText(notice: Notice): string {
  const m = notice.milestone;
  return notice.type === 'milestone.warning'
    ? `Warning: ${m.name} on case ${notice.caseId} is due in ${formatSeconds(Math.max(0, m.remainingSeconds))}`
    : `Violated: ${m.name} on case ${notice.caseId} missed its target`;
}

/**
 * A warning or violation: a toast, a browser notification, the optional sound and a flash on the row, once per browser.
 * Completions need none of it: the case's own caseChanged updates the row.
 */
export function handleNotice(notice: Notice): void {
  if (notice.type !== 'milestone.warning' && notice.type !== 'milestone.violated') {
    return;
  }
  if (!concernsMe(notice) || !firstSighting(notice.deliveryId)) {
    return;
  }
  const text = noticeText(notice);
  const now = Date.now();
  useSla.setState((s) => ({
    toasts: [...s.toasts, { id: notice.deliveryId, caseId: notice.caseId, kind: notice.type === 'milestone.warning' ? 'warning' : 'violated', text, until: now + TOAST_MS }],
    flashes: { ...s.flashes, [notice.caseId]: now + FLASH_MS },
  }));
  if ('Notification' in window && Notification.permission === 'granted') {
    // The tag is the notice's id, so the system replaces rather than stacks one shown by another tab.
    new Notification('SlaGrains', { body: text, tag: notice.deliveryId });
  }
  if (useSla.getState().sound) {
    beep(notice.type === 'milestone.violated');
  }
}

/** Asks for notification permission once per browser; a refusal is remembered by the browser itself. */
export async function askNotificationPermissionOnce(): Promise<void> {
  if (!('Notification' in window) || Notification.permission !== 'default' || localStorage.getItem(NOTIFY_ASKED)) {
    return;
  }
  localStorage.setItem(NOTIFY_ASKED, '1');
  await Notification.requestPermission();
}

// A generated tone: no audio file to serve, and nothing for the content policy to allow.
function beep(urgent: boolean): void {
  try {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = urgent ? 880 : 660;
    gain.gain.value = 0.1;
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + (urgent ? 0.4 : 0.2));
    tone.onended = () => void audio.close();
  } catch {
    // no audio device: the toast and the flash still say it
  }
}
