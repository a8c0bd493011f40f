import { useState, type FormEvent } from 'react';
import { Link, Page, ProblemAlert } from '@fleet/web-common';
import { api } from '../api';

interface ImportReport {
  imported: number;
  failed: number;
  errors: Array<{ row: number; errors: Array<{ path: string; message: string }> }>;
  errorsTruncated: boolean;
  truncated: boolean;
}

const EXAMPLE = `handle,title,description,status,category,variant_sku,variant_title,price,currency,stock
tee,Classic Tee,Soft cotton,active,Shirts,TEE-S,Small,19.99,USD,5
tee,,,,,TEE-M,Medium,19.99,USD,0`;

/** CSV import: the catalog's import API; every bad row is listed by its row number (header = 1). */
export function ProductImportPage() {
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [report, setReport] = useState<ImportReport>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return setError(new Error('Choose a CSV file first.'));
    setBusy(true);
    setError(undefined);
    setReport(undefined);
    try {
      const body = await file.text();
      setReport(
        await api.request<ImportReport>('POST', '/api/admin/products/import', {
          raw: { body, contentType: 'text/csv' },
        }),
      );
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Page title="Import products">
      <p>
        <Link to="/products">← All products</Link>
      </p>
      <form className="card" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor="csv">CSV file</label>
          <small id="csv-hint" className="hint">
            Columns: handle, title, variant_sku, price (as written, e.g. 19.99), currency; optional
            description, status, category, variant_title, stock. Rows with the same handle are the variants of
            one product.
          </small>
          <input
            id="csv"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="csv-hint"
            onChange={(e) => setFile(e.target.files?.[0])}
          />
        </div>
        <details>
          <summary>Example</summary>
          <pre>{EXAMPLE}</pre>
        </details>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            Import
          </button>
        </div>
        {busy && (
          <p role="status">
            <progress aria-label="Importing" /> Importing {file?.name}…
          </p>
        )}
      </form>
      <ProblemAlert error={error} />
      {report && <Report report={report} />}
    </Page>
  );
}

function Report({ report }: { report: ImportReport }) {
  return (
    <section className="card" aria-labelledby="report">
      <h2 id="report">Result</h2>
      <p role="status" className={report.failed ? 'alert' : 'notice'}>
        {report.imported} rows imported, {report.failed} rows failed.
        {report.truncated && ' The file was cut at the row limit: import the rest separately.'}
      </p>
      {report.errors.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption>Rows with errors (the header is row 1)</caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Column</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {report.errors.flatMap((r) =>
                r.errors.map((e, i) => (
                  <tr key={`${r.row}-${i}`} data-row={r.row}>
                    <th scope="row">{r.row}</th>
                    <td>{e.path}</td>
                    <td>{e.message}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      )}
      {report.errorsTruncated && <p className="muted">Only the first 1,000 row errors are listed.</p>}
    </section>
  );
}
