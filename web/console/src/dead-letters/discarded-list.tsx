import { Loading, navigate, Pager, ProblemAlert, useLoad, useRoute, withQuery } from '@fleet/web-common';
import { api, type DeadLetterDiscard } from '../api';

/** Dead letters removed for good, with who did it and why; paged on the server. */
export function DiscardedList() {
  const route = useRoute();
  const cursor = route.query.get('discardedCursor') ?? undefined;
  const { data, error, loading } = useLoad(
    () =>
      api.request<{ items: DeadLetterDiscard[]; nextCursor: string | null }>(
        'GET',
        '/api/platform/dead-letters/discarded',
        { query: { cursor, limit: 10 } },
      ),
    [cursor],
  );
  return (
    <section className="card" aria-labelledby="discarded-h">
      <h2 id="discarded-h">Discarded</h2>
      <ProblemAlert error={error} />
      {loading && !data && <Loading what="discarded dead letters" />}
      {data && data.items.length === 0 && <p className="muted">Nothing discarded yet.</p>}
      {data && data.items.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="muted">Newest first, kept with the reason</caption>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Reason</th>
                <th scope="col" className="hide-narrow">
                  By
                </th>
                <th scope="col" className="hide-narrow">
                  When
                </th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((d) => (
                <tr key={d.id}>
                  <td>
                    {d.eventType ?? 'malformed message'}{' '}
                    <span className="muted">
                      {d.service}.{d.consumer}
                    </span>
                  </td>
                  <td>{d.reason}</td>
                  <td className="hide-narrow">{d.discardedBy}</td>
                  <td className="hide-narrow">{new Date(d.discardedAt).toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        cursor={cursor}
        nextCursor={data?.nextCursor}
        onChange={(c) => navigate(withQuery(route, { discardedCursor: c }))}
      />
    </section>
  );
}
