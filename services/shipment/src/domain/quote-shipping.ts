import type { TenantCtx } from '@fleet/context';
import type { Parcel, RateQuote, StoreShippingRates } from './carriers/carrier-strategy';
import type { ShipmentDeps } from './shipment-deps';
import { storeCarrier } from './shipping-settings';

/** Checkout's shipping for a parcel, from the store's carrier. */
export async function quoteShipping(
  ctx: TenantCtx,
  deps: ShipmentDeps,
  parcel: Parcel,
  rates: StoreShippingRates,
): Promise<RateQuote> {
  const carrier = await deps.db.readAsTenant(ctx, storeCarrier);
  return carrier.quote(parcel, rates);
}
