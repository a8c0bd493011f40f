import { useEffect, useState } from 'react';
import type { Api } from './api';
import { ProblemAlert, useLoad } from './ui';

const RUNNING = new Set(['queued', 'running']);

/** An export as the API answers it (the contract's `TenantExport`). */
export interface TenantExport {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: { tablesDone: number; tablesTotal: number; currentTable: string | null };
  sizeBytes: number | null;
  error: string | null;
  createdAt: string;
}

/**
 * A store's data exports: request one, watch its progress (polled every second while one runs),
 * download the archive. The console passes `/api/platform/tenants/{id}/exports`, the admin
 * `/api/admin/store/exports`; both answer the same shapes.
 */
export function TenantExports({ api, base, fileName }: { api: Api; base: string; fileName: string }) {
  const { data, error, reload } = useLoad(() => api.request<{ items: TenantExport[] }>('GET', base), [base]);
  const [actionError, setActionError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const running = !!data?.items.some((e) => RUNNING.has(e.status));
  useEffect(() => {
    if (!running) return undefined;
    const timer = window.setTimeout(reload, 1000);
    return () => window.clearTimeout(timer);
  }, [running, data, reload]);

  const request = async () => {
    setBusy(true);
    setActionError(undefined);
    try {
      await api.request('POST', base);
      reload();
    } catch (err) {
      setActionError(err);
    } finally {
      setBusy(false);
    }
  };
  const download = async (e: TenantExport) => {
    setActionError(undefined);
    try {
      const blob = await api.request<Blob>('GET', `${base}/${e.id}/archive`, { as: 'blob' });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `${fileName}-${e.id}.tar.gz`;
      document.body.append(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      setActionError(err);
    }
  };

  return (
    <section className="card" aria-labelledby="exports-h">
      <h2 id="exports-h">Data export</h2>
      <p>
        An archive of the store’s data from every service (tar.gz: <code>manifest.json</code> and one NDJSON
        file per table). Password hashes, tokens and payment credentials are left out.
      </p>
      <ProblemAlert error={error ?? actionError} />
      <button type="button" className="primary" onClick={request} disabled={busy || running}>
        {running ? 'Export in progress…' : 'Export all data'}
      </button>
      {data && data.items.length === 0 && <p>No exports yet.</p>}
      {data && data.items.length > 0 && (
        <ul className="exports" aria-live="polite">
          {data.items.map((e) => (
            <li key={e.id} data-testid="export-item">
              <span role="status" data-testid="export-status">
                {describe(e)}
              </span>{' '}
              {e.status === 'done' && (
                <button type="button" onClick={() => download(e)}>
                  Download <span className="visually-hidden">{e.id}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function describe(e: TenantExport): string {
  const at = new Date(e.createdAt).toLocaleString();
  const { tablesDone, tablesTotal, currentTable } = e.progress;
  if (e.status === 'queued') return `Queued (${at}).`;
  if (e.status === 'running') {
    return `Exporting: ${tablesDone} of ${tablesTotal || '?'} tables${currentTable ? ` (${currentTable})` : ''}.`;
  }
  if (e.status === 'failed') return `Failed (${at}): ${e.error ?? 'no reason given'}.`;
  const size = e.sizeBytes === null ? '' : `, ${formatBytes(e.sizeBytes)}`;
  return `Ready (${at}): ${tablesTotal} tables${size}.`;
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
