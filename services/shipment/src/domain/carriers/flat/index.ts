import type { CarrierStrategy } from '../carrier-strategy';

const TRACKING = /^FL-[0-9]{10}$/;

const CODES = {
  dispatched: { status: 'IN_TRANSIT', description: 'Handed to the store’s courier' },
  delivered: { status: 'DELIVERED', description: 'Delivered by the store’s courier' },
  returned: { status: 'RETURNED', description: 'Returned to the store' },
  lost: { status: 'LOST', description: 'Reported lost' },
} as const;

/**
 * The in-house carrier: the store ships itself at its own flat rate per order (the registry's
 * `shippingFlatRate`, exactly what checkout charged before carriers existed). Its reference is a
 * plain serial; it has no tracking site.
 */
export const flat: CarrierStrategy = {
  name: 'flat',
  displayName: 'Store delivery',
  description: 'The store ships itself at its flat rate per order.',
  quote(parcel, rates) {
    return {
      carrier: 'flat',
      carrierName: 'Store delivery',
      amount: rates.shippingFlatRate,
      currency: parcel.currency,
    };
  },
  createLabel(serial) {
    return { trackingNumber: `FL-${String(serial % 10_000_000_000).padStart(10, '0')}`, trackingUrl: null };
  },
  isTrackingNumber: (value) => TRACKING.test(value),
  mapTracking: (code) => (Object.hasOwn(CODES, code) ? CODES[code as keyof typeof CODES] : undefined),
};
