/** One changed leaf between two versions: its JSON path and its value before and after (undefined: absent). */
export interface DiffRow {
  path: string;
  before?: string;
  after?: string;
}

/** Every leaf of a JSON value by path (`milestones[0].warnings[1].atPercent`), each as JSON text. */
export function flatten(value: unknown, path = '', into = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value) && value.length > 0) {
    value.forEach((v, i) => flatten(v, `${path}[${i}]`, into));
  } else if (value !== null && typeof value === 'object' && Object.keys(value).length > 0) {
    for (const [k, v] of Object.entries(value)) {
      flatten(v, path ? `${path}.${k}` : k, into);
    }
  } else if (value !== null && value !== undefined) {
    into.set(path, JSON.stringify(value));
  }
  return into;
}

/**
 * Field-by-field differences, in the order fields appear (those of `before` first); `ignore` leaves out what always
 * differs between versions (version, createdAt). Null and absent read the same, as the API treats them.
 */
export function jsonDiff(before: unknown, after: unknown, ignore: string[] = []): DiffRow[] {
  const a = flatten(before);
  const b = flatten(after);
  const paths = [...new Set([...a.keys(), ...b.keys()])].filter((p) => !ignore.includes(p));
  return paths.filter((p) => a.get(p) !== b.get(p)).map((path) => ({ path, before: a.get(path), after: b.get(path) }));
}
