import { useEffect, useState } from 'react';
import { processVersion, type ProcessRead } from '../../api/admin';
import { formatInstant } from '../../format/time';
import { onApiError } from '../../state/session';
import { useSla } from '../../state/store';
import { jsonDiff } from './jsonDiff';
import { useKey } from './useAdmin';

/** Every version of a process (GET .../versions/{n}, 1 to the latest) and the differences between two of them. */
export function VersionHistory({ processId, latest }: { processId: string; latest: number }) {
  const key = useKey();
  const zone = useSla((s) => s.zone);
  const [versions, setVersions] = useState<(ProcessRead | null)[]>([]);
  const [from, setFrom] = useState(Math.max(1, latest - 1));
  const [to, setTo] = useState(latest);
  useEffect(() => {
    let current = true;
    const numbers = Array.from({ length: latest }, (_, i) => i + 1);
    void Promise.all(numbers.map((n) => processVersion(key, processId, n).catch((error: unknown) => {
      onApiError(error);
      return null; // one unreadable version leaves a gap, not an empty history
    }))).then((all) => current && setVersions(all));
    return () => {
      current = false;
    };
  }, [key, processId, latest]);
  const a = versions[from - 1];
  const b = versions[to - 1];
  const rows = a && b ? jsonDiff(a, b, ['version', 'createdAt']) : [];
  return (
    <section aria-labelledby="history-title" className="admin-form">
      <h4 id="history-title">Version history of {processId}</h4>
      <table className="admin-table">
        <caption className="visually-hidden">Versions</caption>
        <thead><tr><th>Version</th><th>Created</th><th>Name</th><th>State</th><th>Milestones</th></tr></thead>
        <tbody>
          {versions.map((v, i) => v && (
            <tr key={v.version} data-version={v.version}>
              <td>{v.version}</td><td>{formatInstant(v.createdAt, zone)}</td><td>{v.name}</td>
              <td>{v.active === false ? 'deactivated' : 'active'}</td><td>{v.milestones.map((m) => m.name).join(', ')}</td>
            </tr>
          ) || <tr key={`gap-${i}`}><td>{i + 1}</td><td colSpan={4}>could not be read</td></tr>)}
        </tbody>
      </table>
      <div className="row">
        <label htmlFor="diff-from">Compare version</label>
        <select id="diff-from" value={from} onChange={(e) => setFrom(Number(e.target.value))}>
          {versions.map((_, i) => <option key={i} value={i + 1}>{i + 1}</option>)}
        </select>
        <label htmlFor="diff-to">with version</label>
        <select id="diff-to" value={to} onChange={(e) => setTo(Number(e.target.value))}>
          {versions.map((_, i) => <option key={i} value={i + 1}>{i + 1}</option>)}
        </select>
      </div>
      <table className="admin-table diff" aria-label={`Differences from version ${from} to version ${to}`}>
        <thead><tr><th>Field</th><th>Version {from}</th><th>Version {to}</th></tr></thead>
        <tbody>
          {rows.length === 0 && <tr><td colSpan={3}>{a && b ? 'No differences.' : 'Loading…'}</td></tr>}
          {rows.map((r) => (
            <tr key={r.path} data-path={r.path}>
              <th scope="row">{r.path}</th>
              <td className="removed">{r.before ?? '(none)'}</td>
              <td className="added">{r.after ?? '(none)'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
