const formats = new Map<string, Intl.DateTimeFormat>();

function format(zone: string): Intl.DateTimeFormat {
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short',
    });
    formats.set(zone, f);
  }
  return f;
}

/** An instant in the chosen IANA zone, with the zone's short name, so a time never reads as the wrong zone. */
export function formatInstant(iso: string | null | undefined, zone: string): string {
  return iso ? format(zone).format(new Date(iso)) : '—';
}

export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function isZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function zones(): string[] {
  return Intl.supportedValuesOf('timeZone');
}
