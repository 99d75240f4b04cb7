import { useState } from 'react';
import { useAction } from './useAdmin';

/** Deletes after a confirmation; a 409 (still in use) says who uses it. */
export function DeleteButton({ what, remove, deleted }: { what: string; remove: () => Promise<unknown>; deleted: () => void }) {
  const { busy, failure, run } = useAction();
  const [confirming, setConfirming] = useState(false);
  async function go() {
    let done = false;
    await run(async () => {
      await remove();
      done = true;
    });
    setConfirming(false);
    if (done) {
      deleted();
    }
  }
  return (
    <span className="row">
      {confirming
        ? <><span>Delete {what}?</span><button type="button" disabled={busy} onClick={() => void go()}>Yes, delete</button><button type="button" onClick={() => setConfirming(false)}>No</button></>
        : <button type="button" onClick={() => setConfirming(true)}>Delete</button>}
      {failure?.message && <span className="error" role="alert">{failure.message}</span>}
    </span>
  );
}
