import { useState } from 'react';
import { Loading, Page, Pager, ProblemAlert, Select, useLoad } from '@fleet/web-common';
import { SettingsNav } from '../settings/settings-nav';
import { labelOf, notificationsApi } from './notifications-api';

const STATUSES = [
  ['', 'Any status'],
  ['queued', 'Queued'],
  ['sent', 'Sent'],
  ['failed', 'Failed'],
] as const;

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '');

/** Every e-mail the store sent or is sending, newest first, with why one failed. */
export function DeliveriesPage() {
  const [status, setStatus] = useState('');
  const [cursor, setCursor] = useState<string>();
  const { data, error, loading } = useLoad(
    () => notificationsApi.deliveries({ status: status || undefined, cursor }),
    [status, cursor],
  );
  return (
    <Page title="E-mails sent">
      <SettingsNav />
      <Select
        label="Status"
        name="status"
        value={status}
        options={STATUSES}
        onChange={(e) => {
          setCursor(undefined);
          setStatus(e.target.value);
        }}
      />
      <ProblemAlert error={error} />
      {loading && !data && <Loading what="the e-mails" />}
      {data && data.items.length === 0 && <p>No e-mails yet: they appear here as orders come in.</p>}
      {data && data.items.length > 0 && (
        <div className="table-wrap">
          <table className="stacked">
            <caption className="visually-hidden">E-mails, newest first</caption>
            <thead>
              <tr>
                <th scope="col">E-mail</th>
                <th scope="col">To</th>
                <th scope="col">Status</th>
                <th scope="col">Queued</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((d) => (
                <tr key={d.id}>
                  <td data-label="E-mail">
                    {labelOf(d.type)}
                    {d.subject && <div className="muted">{d.subject}</div>}
                  </td>
                  <td data-label="To">{d.recipient}</td>
                  <td data-label="Status">
                    <span className={`badge badge-${d.status}`}>{d.status}</span>
                    {d.attempts > 1 && <div className="muted">{d.attempts} attempts</div>}
                  </td>
                  <td data-label="Queued">{when(d.createdAt)}</td>
                  <td data-label="Details">
                    {d.lastError && <div className="field-error">{d.lastError}</div>}
                    {d.templateError && <div className="muted">{d.templateError}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager cursor={cursor} nextCursor={data?.nextCursor} onChange={setCursor} />
    </Page>
  );
}
