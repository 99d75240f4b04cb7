import type { CaseSnapshot } from '../../api/model';
import type { Held } from '../../live/CaseStore';
import { useSla } from '../../state/store';

/** The board's figures: open cases, compliant, open and closed violations, and violations of the last hour. */
export function Summary({ cases }: { cases: Held[] }) {
  const hour = useSla((s) => Math.floor(s.now / 60_000));
  const count = (status: CaseSnapshot['milestoneStatus']) => cases.filter((h) => h.snapshot.milestoneStatus === status).length;
  const hourAgo = hour * 60_000 - 3600_000;
  const recent = cases.reduce((n, h) => n + h.snapshot.milestones.filter((m) => m.isViolated && m.targetAt && Date.parse(m.targetAt) >= hourAgo).length, 0);
  const figures: [string, number, string][] = [
    ['open cases', cases.length, 'neutral'],
    ['compliant', count('Compliant'), 'green'],
    ['open violation', count('OpenViolation'), 'red'],
    ['closed violation', count('ClosedViolation'), 'late'],
    ['violations, last hour', recent, 'red'],
  ];
  return (
    <dl className="summary" aria-label="Summary">
      {figures.map(([label, value, tone]) => (
        <div className="figure" data-tone={tone} key={label}>
          <dt className="label">{label}</dt>
          <dd className="value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
