import type { Ctx } from '@fleet/context';
import type { StoreRates, TenantEventType, TenantSettingsChanged } from '@fleet/contracts';
import type { Queryable } from '@fleet/db';
import { appendToOutbox, createEnvelope } from '@fleet/messaging';
import type { TenantSnapshot } from '@fleet/tenancy';

export type { TenantEventType };

/** Every tenant event carries the whole snapshot, so caches refresh without a lookup. */
export interface TenantEventData {
  tenant: TenantSnapshot;
  previousHosts?: string[];
  /** Suspend and resume: the platform admin's reason. */
  reason?: string;
}

/** `tenant.settings_changed` also carries the new settings. */
export interface SettingsChangedData extends TenantEventData, TenantSettingsChanged {
  tenant: TenantSnapshot;
  rates: StoreRates;
}

export async function recordTenantEvent(
  tx: Queryable,
  ctx: Ctx,
  type: TenantEventType,
  data: TenantEventData,
): Promise<void> {
  const envelope = createEnvelope(
    { ...ctx, tenantId: data.tenant.id },
    { type, aggregateId: data.tenant.id, version: data.tenant.version, data },
  );
  await appendToOutbox(tx, envelope);
}
