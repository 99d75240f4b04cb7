import { useSla } from '../../state/store';
import { CasesView } from './CasesView';

/** The cases the signed-in user owns, in any queue. */
export function MyCases() {
  const me = useSla((s) => s.me);
  if (me?.kind !== 'user') {
    return <p className="empty">This key belongs to an integration, which owns no cases: choose Queues or All open cases.</p>;
  }
  return <CasesView scope={{ kind: 'mine' }} title="My cases" />;
}
