import type { TenantCtx } from '@fleet/context';
import type { Queryable } from '@fleet/db';
import { findCarrierSetting, saveCarrierSetting } from '../data-access/settings.repository';
import type { CarrierStrategy } from './carriers/carrier-strategy';
import { CARRIERS, carrierOf, DEFAULT_CARRIER, findCarrier } from './carriers/registry';
import type { ShipmentDeps } from './shipment-deps';

export interface ShippingSettingsView {
  carrier: string;
  carriers: Array<{ name: string; displayName: string; description: string }>;
}

const offered = CARRIERS.map(({ name, displayName, description }) => ({ name, displayName, description }));

/** The store's carrier: its setting, or the default (also for a setting this build no longer offers). */
export async function storeCarrier(tx: Queryable): Promise<CarrierStrategy> {
  return findCarrier((await findCarrierSetting(tx)) ?? DEFAULT_CARRIER) ?? carrierOf(DEFAULT_CARRIER);
}

export async function getShippingSettings(ctx: TenantCtx, deps: ShipmentDeps): Promise<ShippingSettingsView> {
  const carrier = await deps.db.readAsTenant(ctx, storeCarrier);
  return { carrier: carrier.name, carriers: offered };
}

export async function updateShippingSettings(
  ctx: TenantCtx,
  deps: ShipmentDeps,
  name: string,
): Promise<ShippingSettingsView> {
  const carrier = carrierOf(name);
  await deps.db.withTenant(ctx, (tx) => saveCarrierSetting(tx, ctx.tenantId, carrier.name));
  return { carrier: carrier.name, carriers: offered };
}
