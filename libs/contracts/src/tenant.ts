import type { StoreRates } from './order';

/**
 * Events of the tenant registry. Every `tenant.*` event carries the tenant's whole snapshot
 * (`TenantSnapshot` of `@fleet/tenancy`) and its version, which gateways apply to their host caches.
 */
export const TENANT_EVENTS = {
  provisioned: 'tenant.provisioned',
  suspended: 'tenant.suspended',
  resumed: 'tenant.resumed',
  updated: 'tenant.updated',
  /** Soft-deleted: the snapshot has no hosts (`previousHosts` has them), so every cache drops them. */
  deleted: 'tenant.deleted',
  /** Restored within the grace period: the snapshot's hosts route again. */
  restored: 'tenant.restored',
  /** Store settings other services cache changed: the rates (currency is fixed at sign-up). */
  settingsChanged: 'tenant.settings_changed',
} as const;

export type TenantEventType = (typeof TENANT_EVENTS)[keyof typeof TENANT_EVENTS];

/**
 * `tenant.settings_changed`: written in the transaction that changed the settings. Checkout drops
 * the tenant's cached rates on it (it needs only `tenantId` from the envelope); `rates` are the
 * new values. `tenant` is the snapshot every `tenant.*` event carries, at a new version.
 */
export interface TenantSettingsChanged {
  tenant: { id: string; version: number };
  rates: StoreRates;
}
