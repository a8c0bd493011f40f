import { useState } from 'react';
import { fieldErrors } from '@fleet/web-common';

/** Saves a form; gives "saved", or the API's errors by field path for showing next to the fields. */
export function useSave() {
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const save = async (run: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      await run();
      setSaved(true);
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { error, saved, busy, save, errors: fieldErrors(error) };
}
