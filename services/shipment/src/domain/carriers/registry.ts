import { AppError } from '@fleet/errors';
import type { CarrierStrategy } from './carrier-strategy';
import { flat } from './flat';
import { parcelpost } from './parcelpost';
import { swiftship } from './swiftship';

/**
 * The registration list: every carrier this build offers, each a folder of its own. Adding one is
 * its folder plus one line here; the settings form and validation derive from this list.
 */
export const CARRIERS: readonly CarrierStrategy[] = [flat, parcelpost, swiftship];

/** What a store ships with until its merchant chooses. */
export const DEFAULT_CARRIER = 'flat';

const byName = new Map(CARRIERS.map((c) => [c.name, c]));

export const findCarrier = (name: string): CarrierStrategy | undefined => byName.get(name);

/** The carrier a setting or a shipment names; 422 for a name this build does not offer. */
export function carrierOf(name: string): CarrierStrategy {
  const carrier = byName.get(name);
  if (!carrier) {
    throw new AppError('business_rule', `There is no carrier "${name}".`, {
      code: 'unknown_carrier',
      errors: [{ path: 'carrier', message: `must be one of ${[...byName.keys()].join(', ')}` }],
    });
  }
  return carrier;
}
