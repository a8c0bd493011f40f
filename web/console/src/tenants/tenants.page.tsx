import { useState, type FormEvent } from 'react';
import {
  Field,
  Link,
  Loading,
  navigate,
  Page,
  Pager,
  ProblemAlert,
  Select,
  useLoad,
  useRoute,
  withQuery,
} from '@fleet/web-common';
import { api, PLANS, type Tenant } from '../api';

/** Every store on the platform: search, status and plan filters, server paging; filters in the URL. */
export function TenantsPage() {
  const route = useRoute();
  const q = route.query.get('q') ?? '';
  const status = route.query.get('status') ?? '';
  const plan = route.query.get('plan') ?? '';
  const cursor = route.query.get('cursor') ?? undefined;
  const [search, setSearch] = useState(q);
  const { data, error, loading } = useLoad(
    () =>
      api.request<{ items: Tenant[]; nextCursor: string | null }>('GET', '/api/platform/tenants', {
        query: { q, status, plan, cursor, limit: 20 },
      }),
    [q, status, plan, cursor],
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(withQuery(route, { q: search, cursor: undefined }));
  };
  return (
    <Page title="Tenants">
      <form className="filters" role="search" onSubmit={submit}>
        <Field
          label="Search"
          name="q"
          type="search"
          hint="Store name or slug"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <Select
          label="Status"
          name="status"
          value={status}
          options={[
            ['', 'Any status'],
            ['active', 'Active'],
            ['suspended', 'Suspended'],
          ]}
          onChange={(e) => navigate(withQuery(route, { status: e.target.value, cursor: undefined }))}
        />
        <Select
          label="Plan"
          name="plan"
          value={plan}
          options={[['', 'Any plan'], ...PLANS.map((p) => [p, p] as const)]}
          onChange={(e) => navigate(withQuery(route, { plan: e.target.value, cursor: undefined }))}
        />
        <div className="field">
          <button type="submit">Search</button>
        </div>
      </form>
      <ProblemAlert error={error} />
      {loading && !data && <Loading what="tenants" />}
      {data && data.items.length === 0 && <p className="muted">No store matches these filters.</p>}
      {data && data.items.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="muted">Stores, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Store</th>
                <th scope="col">Status</th>
                <th scope="col">Plan</th>
                <th scope="col" className="hide-narrow">
                  Created
                </th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((t) => (
                <tr key={t.id}>
                  <td>
                    <Link to={`/tenants/${t.id}`}>{t.name}</Link> <span className="muted">{t.slug}</span>
                  </td>
                  <td>
                    <span className="badge">{t.status}</span>
                  </td>
                  <td>{t.plan}</td>
                  <td className="hide-narrow">{new Date(t.createdAt).toLocaleDateString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        cursor={cursor}
        nextCursor={data?.nextCursor}
        onChange={(c) => navigate(withQuery(route, { cursor: c }))}
      />
    </Page>
  );
}
