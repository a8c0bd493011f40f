import { useEffect } from 'react';
import { ApiError, ConfirmButton, ProblemAlert, useLoad } from '@fleet/web-common';
import { api, type ReindexStatus } from '../api';

const RUNNING = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

/** The store's search reindex: start one and watch it (polled every second while it runs). */
export function SearchReindex({ tenantId }: { tenantId: string }) {
  const { data, error, reload } = useLoad(async () => {
    try {
      return await api.request<ReindexStatus>('GET', `/api/platform/search/reindex/${tenantId}`);
    } catch (err) {
      if (err instanceof ApiError && err.problem.status === 404) return null;
      throw err;
    }
  }, [tenantId]);
  const running = !!data && RUNNING.has(data.state);
  useEffect(() => {
    if (!running) return undefined;
    const timer = window.setTimeout(reload, 1000);
    return () => window.clearTimeout(timer);
  }, [running, data, reload]);
  return (
    <section className="card" aria-labelledby="search-h">
      <h2 id="search-h">Search</h2>
      <ProblemAlert error={error} />
      <p role="status" data-testid="reindex-status">
        {data === null && 'No reindex lately.'}
        {data && <Progress status={data} />}
      </p>
      <ConfirmButton
        label="Reindex search"
        title="Rebuild this store's search index?"
        message="Every product is read from the catalog again; shoppers keep searching meanwhile."
        confirmLabel="Reindex"
        disabled={running}
        onConfirm={async () => {
          await api.request('POST', '/api/platform/search/reindex', { body: { tenantId } });
          reload();
        }}
      />
    </section>
  );
}

function Progress({ status }: { status: ReindexStatus }) {
  const processed = status.progress?.processed ?? 0;
  const pages = status.progress?.pages ?? 0;
  const counted = `${processed} product${processed === 1 ? '' : 's'} read in ${pages} page${pages === 1 ? '' : 's'}`;
  if (status.state === 'completed') {
    const at = status.finishedAt ? ` on ${new Date(status.finishedAt).toLocaleString()}` : '';
    return (
      <>
        Reindexed{at}: {counted}.
      </>
    );
  }
  if (status.state === 'failed')
    return <>The last reindex failed: {status.failedReason ?? 'no reason given'}.</>;
  return (
    <>
      Reindexing ({status.state}): {counted} so far
      {status.failedReason ? `; retrying after “${status.failedReason}”` : ''}.
    </>
  );
}
