import { useState } from 'react';
import {
  ConfirmButton,
  Field,
  formatMoney,
  Link,
  Loading,
  Page,
  ProblemAlert,
  Select,
  TenantExports,
  useLoad,
} from '@fleet/web-common';
import { api, PLANS, type TenantDetail } from '../api';
import { SearchReindex } from './search-reindex';
import { TenantDeletion } from './tenant-deletion';

/** One store: usage, hosts, plan change, suspend and resume (with a reason). */
export function TenantDetailPage({ id }: { id: string }) {
  const { data, error, loading, reload } = useLoad(
    () => api.request<TenantDetail>('GET', `/api/platform/tenants/${id}`),
    [id],
  );
  return (
    <Page title={data?.name ?? 'Tenant'}>
      <p>
        <Link to="/">← All tenants</Link>
      </p>
      <ProblemAlert error={error} />
      {loading && !data && <Loading what="the tenant" />}
      {data && <Detail tenant={data} reload={reload} />}
    </Page>
  );
}

function Detail({ tenant, reload }: { tenant: TenantDetail; reload: () => void }) {
  const [plan, setPlan] = useState(tenant.plan);
  const [reason, setReason] = useState('');
  const { usage } = tenant;
  const suspended = tenant.status === 'suspended';
  const act = async (action: 'suspend' | 'resume') => {
    await api.request('POST', `/api/platform/tenants/${tenant.id}/${action}`, {
      body: { reason: reason.trim() },
    });
    setReason('');
    reload();
  };
  return (
    <>
      <p>
        Status:{' '}
        <strong className="badge" data-testid="tenant-status">
          {tenant.status}
        </strong>{' '}
        · plan {tenant.plan} · {tenant.currency} · {tenant.country} · <code>{tenant.id}</code>
      </p>
      <div className="stats">
        <p className="stat">
          <span className="value">{usage.orders}</span> orders
        </p>
        <p className="stat">
          <span className="value">
            {usage.revenue.length
              ? usage.revenue.map((r) => formatMoney(r.amount, r.currency)).join(' + ')
              : formatMoney(0, tenant.currency)}
          </span>{' '}
          GMV
        </p>
        <p className="stat">
          <span className="value">{usage.products}</span> products
        </p>
        <p className="stat">
          <span className="value">{usage.apiCalls.today}</span> API calls today ({usage.apiCalls.last30Days}{' '}
          in 30 days)
        </p>
      </div>
      <section className="card" aria-labelledby="hosts">
        <h2 id="hosts">Hosts</h2>
        <ul>
          {tenant.hosts.map((h) => (
            <li key={h}>{h}</li>
          ))}
        </ul>
      </section>
      <SearchReindex tenantId={tenant.id} />
      <TenantExports api={api} base={`/api/platform/tenants/${tenant.id}/exports`} fileName={tenant.slug} />
      <section className="card" aria-labelledby="plan-h">
        <h2 id="plan-h">Plan</h2>
        <div className="filters">
          <Select
            label="Plan"
            name="plan"
            value={plan}
            options={PLANS.map((p) => [p, p] as const)}
            onChange={(e) => setPlan(e.target.value)}
          />
          <div className="field">
            <ConfirmButton
              label="Change plan"
              title={`Move ${tenant.name} to ${plan}?`}
              message="Rate limits follow the plan at once."
              onConfirm={async () => {
                await api.request('PATCH', `/api/platform/tenants/${tenant.id}`, { body: { plan } });
                reload();
              }}
            />
          </div>
        </div>
      </section>
      <section className="card" aria-labelledby="status-h">
        <h2 id="status-h">{suspended ? 'Resume the store' : 'Suspend the store'}</h2>
        <ConfirmButton
          label={suspended ? 'Resume store' : 'Suspend store'}
          title={suspended ? `Resume ${tenant.name}?` : `Suspend ${tenant.name}?`}
          message={
            suspended
              ? 'Shoppers can buy again at once.'
              : 'Shoppers get a "closed" page and cannot buy; the merchant can still sign in to the admin.'
          }
          danger={!suspended}
          onConfirm={() => act(suspended ? 'resume' : 'suspend')}
        >
          <Field
            label="Reason"
            name="reason"
            required
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            hint="Kept with the change"
          />
        </ConfirmButton>
      </section>
      <TenantDeletion tenant={tenant} reload={reload} />
    </>
  );
}
