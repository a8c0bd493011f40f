import { useState } from 'react';
import {
  ConfirmButton,
  Link,
  Loading,
  navigate,
  Page,
  ProblemAlert,
  Select,
  useLoad,
  useRoute,
  withQuery,
} from '@fleet/web-common';
import { api, deadLetterPath, refOf, type DeadLetterList, type DeadLetterRef } from '../api';
import { DiscardedList } from './discarded-list';
import { ReplayedNotice, type ReplayResult } from './replayed-notice';

/** `product.created` may wrap after its dots on a phone, never inside a word. */
const breakAtDots = (name: string) =>
  name.split('.').map((part, i) => (
    <span key={i}>
      {i > 0 && (
        <>
          .<wbr />
        </>
      )}
      {part}
    </span>
  ));

const keyOf = (l: DeadLetterRef) => `${l.service}.${l.consumer}/${l.messageId}`;

/** Failed events of every consumer: filter by service and event type, view, replay one or many. */
export function DeadLettersPage() {
  const route = useRoute();
  const service = route.query.get('service') ?? '';
  const eventType = route.query.get('eventType') ?? '';
  const done = route.query.get('done');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [replayed, setReplayed] = useState<ReplayResult[]>();
  const { data, error, loading, reload } = useLoad(
    () =>
      api.request<DeadLetterList>('GET', '/api/platform/dead-letters', {
        query: { service, eventType, limit: 100 },
      }),
    [service, eventType],
  );
  const items = data?.items ?? [];
  const chosen = items.filter((l) => selected.has(keyOf(l)));
  const toggle = (key: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const replay = async () => {
    const res = await api.request<{ results: ReplayResult[] }>('POST', '/api/platform/dead-letters/replay', {
      body: { letters: chosen.map(refOf) },
    });
    setReplayed(res.results);
    setSelected(new Set());
    reload();
  };
  const services = [...new Set([service, ...(data?.groups ?? []).map((g) => g.service)].filter(Boolean))];
  const types = [
    ...new Set([eventType, ...(data?.groups ?? []).map((g) => g.eventType ?? '')].filter(Boolean)),
  ];
  const filter = (changes: Record<string, string | undefined>) => {
    setSelected(new Set());
    navigate(withQuery(route, { ...changes, done: undefined }));
  };
  return (
    <Page
      title="Dead letters"
      action={
        <ConfirmButton
          label={`Replay selected (${chosen.length})`}
          title={`Replay ${chosen.length} dead letter${chosen.length === 1 ? '' : 's'}?`}
          message="Each goes back to its consumer for a fresh round of attempts. Its inbox skips any that were applied already."
          confirmLabel="Replay"
          onConfirm={replay}
          disabled={chosen.length === 0}
        />
      }
    >
      <p className="muted">
        Events a consumer could not handle after its retries. Fix the cause, then replay them.
      </p>
      <ReplayedNotice results={replayed} />
      {!replayed && done && (
        <p className="notice" role="status">
          The dead letter was{' '}
          {done === 'discarded' ? 'discarded; it is kept below with your reason' : 'replayed'}.
        </p>
      )}
      <div className="filters">
        <Select
          label="Service"
          name="service"
          value={service}
          options={[['', 'Any service'], ...services.map((s) => [s, s] as const)]}
          onChange={(e) => filter({ service: e.target.value, eventType: '' })}
        />
        <Select
          label="Event type"
          name="eventType"
          value={eventType}
          options={[['', 'Any event type'], ...types.map((t) => [t, t] as const)]}
          onChange={(e) => filter({ eventType: e.target.value })}
        />
      </div>
      <ProblemAlert error={error} />
      {loading && !data && <Loading what="dead letters" />}
      {data && items.length === 0 && (
        <p className="notice" role="status">
          No dead letters{service || eventType ? ' match these filters' : ''}: every consumer is keeping up.
        </p>
      )}
      {data?.truncated && (
        <p className="muted">Showing the first {items.length}; narrow the filters to see the rest.</p>
      )}
      {items.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="muted">Per consumer, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">
                  <input
                    type="checkbox"
                    aria-label="Select every dead letter shown"
                    checked={chosen.length === items.length}
                    onChange={(e) => setSelected(new Set(e.target.checked ? items.map(keyOf) : []))}
                  />
                </th>
                <th scope="col">Event</th>
                <th scope="col" className="hide-narrow">
                  Consumer
                </th>
                <th scope="col">Error</th>
                <th scope="col" className="hide-narrow">
                  Failed
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((l) => (
                <tr key={keyOf(l)}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Select ${l.eventType ?? 'malformed message'} ${l.messageId}`}
                      checked={selected.has(keyOf(l))}
                      onChange={() => toggle(keyOf(l))}
                    />
                  </td>
                  <td>
                    <Link to={deadLetterPath(l)}>
                      {l.eventType ? breakAtDots(l.eventType) : 'malformed message'}
                    </Link>{' '}
                    <code className="muted hide-narrow">{l.messageId}</code>
                  </td>
                  <td className="hide-narrow">
                    <span className="badge">
                      {l.service}.{l.consumer}
                    </span>
                  </td>
                  <td>{l.error}</td>
                  <td className="hide-narrow">{l.failedAt ? new Date(l.failedAt).toLocaleString() : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <DiscardedList />
    </Page>
  );
}
