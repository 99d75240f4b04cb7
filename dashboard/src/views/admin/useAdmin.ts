import { useCallback, useEffect, useState } from 'react';
import { onApiError } from '../../state/session';
import { useSla } from '../../state/store';
import { toFailure, type SaveFailure } from './fieldErrors';

/** The signed-in key; the admin views render only once signed in. */
export function useKey(): string {
  return useSla((s) => s.key) ?? '';
}

/** Loads `load` now and on `reload()`; a failure is shown, a 401 signs out. */
export function useLoad<T>(load: (key: string) => Promise<T>, deps: unknown[]) {
  const key = useKey();
  const [data, setData] = useState<T | undefined>();
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let current = true;
    load(key).then(
      (value) => current && (setData(value), setFailure(null)),
      (error: unknown) => {
        onApiError(error);
        if (current) {
          setFailure(toFailure(error));
        }
      },
    );
    return () => {
      current = false;
    };
  }, [key, tick, ...deps]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, failure, reload };
}

/** Runs one write: busy while it runs, its failure kept for the form, a 401 signs out. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const run = useCallback(async <T,>(act: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setFailure(null);
    try {
      return await act();
    } catch (error) {
      onApiError(error);
      setFailure(toFailure(error));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, failure, setFailure, run };
}

/** "a, b ,c" → ["a", "b", "c"]: lists typed in one box. */
export function splitList(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}
