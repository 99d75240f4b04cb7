import { CasesView } from './CasesView';

/** Every open case, for supervisors: the listing names the queues, whose subscriptions keep the board live. */
export function AllOpen() {
  return <CasesView scope={{ kind: 'all' }} title="All open cases" />;
}
