import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useSla } from '../../state/store';
import { CasesView } from './CasesView';
import { queueChoice } from './queueChoice';

export const DEFAULT_QUEUE = 'Tier 1';

/** Any set of queues (`?q=Tier 1&q=Tier 2`), each one watched for alerts or not; an agent's own queues only. */
export function QueuesView() {
  const [params, setParams] = useSearchParams();
  const me = useSla((s) => s.me);
  const watched = useSla((s) => s.watched);
  const [adding, setAdding] = useState('');
  const asked = params.getAll('q');
  const askedKey = asked.join('\n'); // by content: getAll returns a new array each render
  const choice = useMemo(() => queueChoice(me, askedKey ? askedKey.split('\n') : [], DEFAULT_QUEUE), [askedKey, me]);
  const queues = choice.shown;
  const addable = choice.allowed?.filter((q) => !queues.includes(q)) ?? null;

  const setQueues = (next: string[]) => setParams(next.map((q): [string, string] => ['q', q]));
  const toggleWatch = (q: string) => useSla.setState((s) => ({ watched: s.watched.includes(q) ? s.watched.filter((w) => w !== q) : [...s.watched, q] }));
  const add = (q: string) => {
    if (q && !queues.includes(q)) {
      setQueues([...queues, q]);
    }
    setAdding('');
  };

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
      {choice.refused.length > 0 && (
        <p className="error" role="status">
          {choice.refused.map((q) => `“${q}”`).join(', ')} {choice.refused.length === 1 ? 'is' : 'are'} not one of your queues; an agent watches their own queues and cases.
        </p>
      )}
      {addable === null ? (
        <form className="queue-form" onSubmit={(e) => {
          e.preventDefault();
          add(adding.trim().replace(/\s+/g, ' '));
        }}>
          <label htmlFor="queue">Add a queue</label>
          <input id="queue" value={adding} onChange={(e) => setAdding(e.target.value)} />
          <button type="submit">Add</button>
        </form>
      ) : (
        <form className="queue-form" onSubmit={(e) => {
          e.preventDefault();
          add(adding || addable[0] || '');
        }}>
          <label htmlFor="queue">Add one of your queues</label>
          <select id="queue" value={adding} onChange={(e) => setAdding(e.target.value)} disabled={addable.length === 0} aria-describedby="queue-hint">
            {addable.map((q) => <option key={q} value={q}>{q}</option>)}
          </select>
          <button type="submit" disabled={addable.length === 0}>Add</button>
          <span id="queue-hint" className="hint">
            {choice.allowed!.length === 0
              ? 'You have no queues on your user record (an admin adds them); My cases shows the cases you own.'
              : addable.length === 0 ? 'Every one of your queues is on this board.' : 'Agents watch the queues on their user record; an admin changes those.'}
          </span>
        </form>
      )}
    </CasesView>
  );
}
