import { useState } from 'react';
import { ProblemAlert } from '@fleet/web-common';
import { api } from '../api';

/**
 * Downloads the catalog as CSV (`GET /api/admin/products/export.csv`). The call carries the
 * in-memory access token, which a plain link could not: the file is fetched, then saved from a
 * blob URL.
 */
export function ExportButton() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const download = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const csv = await api.request<string>('GET', '/api/admin/products/export.csv', {
        headers: { accept: 'text/csv' },
      });
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = 'products.csv';
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 0);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" onClick={() => void download()} disabled={busy}>
        {busy ? 'Exporting…' : 'Export CSV'}
      </button>
      <ProblemAlert error={error} />
    </>
  );
}
