import type { CarrierStrategy } from '../carrier-strategy';
import { zoneOf } from '../zones';
import { luhnCheckDigit } from './luhn';

/** Tiers by units (the weight proxy): the first tier whose `upTo` holds the parcel. */
const TIERS = [
  { upTo: 2, domestic: 900, abroad: 2400 },
  { upTo: 5, domestic: 1400, abroad: 3600 },
  { upTo: 20, domestic: 2200, abroad: 5200 },
  { upTo: Infinity, domestic: 3500, abroad: 8000 },
] as const;

/** Orders of at least this much (minor units) ship free at home. */
const FREE_DOMESTIC_FROM = 10_000;

const TRACKING = /^SW([0-9]{11})([0-9])$/;

const CODES = {
  PU: { status: 'IN_TRANSIT', description: 'Picked up by SwiftShip' },
  HUB: { status: 'IN_TRANSIT', description: 'At a SwiftShip hub' },
  DL: { status: 'DELIVERED', description: 'Delivered by SwiftShip' },
  RS: { status: 'RETURNED', description: 'Returned to sender by SwiftShip' },
  LS: { status: 'LOST', description: 'Declared lost by SwiftShip' },
} as const;

/**
 * A simulated express courier: price tiers by units, home or abroad, free at home from a
 * subtotal; tracking numbers `SW` + 11 digits + a Luhn check digit.
 */
export const swiftship: CarrierStrategy = {
  name: 'swiftship',
  displayName: 'SwiftShip Express',
  description: 'Express courier: priced by unit tiers, free at home from 100.00, Luhn tracking numbers.',
  quote(parcel) {
    const tier = TIERS.find((t) => parcel.units <= t.upTo) ?? TIERS[TIERS.length - 1]!;
    const domestic = zoneOf(parcel.country) === 'domestic';
    const free = domestic && parcel.subtotal >= FREE_DOMESTIC_FROM;
    return {
      carrier: 'swiftship',
      carrierName: 'SwiftShip Express',
      amount: free ? 0 : domestic ? tier.domestic : tier.abroad,
      currency: parcel.currency,
    };
  },
  createLabel(serial) {
    const digits = String(serial % 100_000_000_000).padStart(11, '0');
    const trackingNumber = `SW${digits}${luhnCheckDigit(digits)}`;
    return { trackingNumber, trackingUrl: `https://swiftship.example/track?n=${trackingNumber}` };
  },
  isTrackingNumber(value) {
    const match = TRACKING.exec(value);
    return match !== null && luhnCheckDigit(match[1]!) === Number(match[2]);
  },
  mapTracking: (code) => (Object.hasOwn(CODES, code) ? CODES[code as keyof typeof CODES] : undefined),
};
