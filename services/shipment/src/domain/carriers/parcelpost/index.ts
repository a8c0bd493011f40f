import type { CarrierStrategy } from '../carrier-strategy';
import { zoneOf } from '../zones';
import { s10CheckDigit } from './s10';

/** Minor units per zone: a base per parcel plus a price per unit (the weight proxy). */
const RATES = {
  domestic: { base: 450, perUnit: 75 },
  europe: { base: 1200, perUnit: 150 },
  world: { base: 1900, perUnit: 250 },
} as const;

const TRACKING = /^PP([0-9]{8})([0-9])FL$/;

const CODES = {
  ACCEPTED: { status: 'IN_TRANSIT', description: 'Accepted at the ParcelPost counter' },
  IN_TRANSIT: { status: 'IN_TRANSIT', description: 'In the ParcelPost network' },
  DELIVERED: { status: 'DELIVERED', description: 'Delivered by ParcelPost' },
  RETURN_TO_SENDER: { status: 'RETURNED', description: 'Returned to sender by ParcelPost' },
  MISSING: { status: 'LOST', description: 'ParcelPost could not find the parcel' },
} as const;

/**
 * A simulated postal carrier: rates by destination zone with a price per unit; tracking numbers
 * in the UPU S10 shape (`PP` + 8 digits + a mod-11 check digit + `FL`).
 */
export const parcelpost: CarrierStrategy = {
  name: 'parcelpost',
  displayName: 'ParcelPost',
  description: 'Postal parcels: priced by destination zone and units, S10 tracking numbers.',
  quote(parcel) {
    const rate = RATES[zoneOf(parcel.country)];
    return {
      carrier: 'parcelpost',
      carrierName: 'ParcelPost',
      amount: rate.base + rate.perUnit * parcel.units,
      currency: parcel.currency,
    };
  },
  createLabel(serial) {
    const digits = String(serial % 100_000_000).padStart(8, '0');
    const trackingNumber = `PP${digits}${s10CheckDigit(digits)}FL`;
    return { trackingNumber, trackingUrl: `https://track.parcelpost.example/${trackingNumber}` };
  },
  isTrackingNumber(value) {
    const match = TRACKING.exec(value);
    return match !== null && s10CheckDigit(match[1]!) === Number(match[2]);
  },
  mapTracking: (code) => (Object.hasOwn(CODES, code) ? CODES[code as keyof typeof CODES] : undefined),
};
