import { ConfirmButton } from '@fleet/web-common';
import { api, type TenantDetail } from '../api';

interface Lifecycle {
  purgeAfter?: string | null;
}

/** Delete a store (offline at once, purged after the grace period) or restore it until then. */
export function TenantDeletion({ tenant, reload }: { tenant: TenantDetail & Lifecycle; reload: () => void }) {
  const deleted = tenant.status === 'deleted';
  return (
    <section className="card" aria-labelledby="delete-h">
      <h2 id="delete-h">{deleted ? 'Restore the store' : 'Delete the store'}</h2>
      {deleted && (
        <p data-testid="purge-after">
          Deleted: offline, and purged with all its data
          {tenant.purgeAfter
            ? ` after ${new Date(tenant.purgeAfter).toLocaleString()}`
            : ' after the grace period'}
          .
        </p>
      )}
      <ConfirmButton
        label={deleted ? 'Restore store' : 'Delete store'}
        title={deleted ? `Restore ${tenant.name}?` : `Delete ${tenant.name}?`}
        message={
          deleted
            ? 'The store goes back online at once with all its data.'
            : 'The store goes offline at once. After the grace period every service deletes its data and the slug and domains are free again. Export the data first if the merchant wants it.'
        }
        danger={!deleted}
        onConfirm={async () => {
          await api.request('POST', `/api/platform/tenants/${tenant.id}/${deleted ? 'restore' : 'delete'}`);
          reload();
        }}
      />
    </section>
  );
}
