import { useState } from 'react';
import { ProblemAlert } from '@fleet/web-common';
import { api } from '../api';

/**
 * Opens `/queues` (bull-board). The session's token lives in memory, so a plain link could not
 * carry it: the console asks for a one-use ticket, and the browser trades it for a pass cookie.
 */
export function JobDashboardButton() {
  const [error, setError] = useState<unknown>();
  const open = async () => {
    setError(undefined);
    try {
      const { url } = await api.request<{ url: string }>('POST', '/api/platform/queues/ticket');
      window.location.assign(url);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <>
      <button type="button" className="link" onClick={() => void open()}>
        Job dashboard
      </button>
      <ProblemAlert error={error} />
    </>
  );
}
