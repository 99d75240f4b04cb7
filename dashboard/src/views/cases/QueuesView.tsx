import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useSla } from '../../state/store';
import { CasesView } from './CasesView';

export const DEFAULT_QUEUE = 'Tier 1';

/** Any set of queues (`?q=Tier 1&q=Tier 2`), each one watched for alerts or not. */
export function QueuesView() {
  const [params, setParams] = useSearchParams();
  const me = useSla((s) => s.me);
  const watched = useSla((s) => s.watched);
  const [adding, setAdding] = useState('');
  const chosen = params.getAll('q');
  const queues = useMemo(
    () => (chosen.length > 0 ? chosen : me?.queues?.length ? me.queues : [DEFAULT_QUEUE]),
    [chosen.join('\n'), me], // by content: getAll returns a new array each render
  );

  const setQueues = (next: string[]) => setParams(next.map((q): [string, string] => ['q', q]));
  const toggleWatch = (q: string) => useSla.setState((s) => ({ watched: s.watched.includes(q) ? s.watched.filter((w) => w !== q) : [...s.watched, q] }));

  return (
    <CasesView scope={{ kind: 'queues', queues }} title={queues.length === 1 ? `Queue ${queues[0]}` : `${queues.length} queues`}>
      <ul className="queues" aria-label="Queues on this board">
        {queues.map((q) => (
          <li key={q} className="queue-chip">
            <span>{q}</span>
            <label>
              <input type="checkbox" checked={watched.includes(q)} onChange={() => toggleWatch(q)} /> Alert me
            </label>
            {queues.length > 1 && <button type="button" className="link" aria-label={`Remove queue ${q}`} onClick={() => setQueues(queues.filter((x) => x !== q))}>Remove</button>}
          </li>
        ))}
      </ul>
      <form className="queue-form" onSubmit={(e) => {
        e.preventDefault();
        const q = adding.trim().replace(/\s+/g, ' ');
        if (q && !queues.includes(q)) {
          setQueues([...queues, q]);
        }
        setAdding('');
      }}>
        <label htmlFor="queue">Add a queue</label>
        <input id="queue" value={adding} onChange={(e) => setAdding(e.target.value)} />
        <button type="submit">Add</button>
      </form>
    </CasesView>
  );
}
