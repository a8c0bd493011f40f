import type { ShipmentStatus } from '@fleet/contracts';

/** What is shipped and where: enough for every carrier's rate table. */
export interface Parcel {
  /** Units in the parcel (the sum of the lines' quantities). */
  units: number;
  /** Goods value in minor units of `currency`. */
  subtotal: number;
  currency: string;
  /** ISO 3166-1 alpha-2 destination country. */
  country: string;
}

/** The store's own rate settings (the registry's), which the in-house carrier charges. */
export interface StoreShippingRates {
  /** Flat shipping per order, minor units. */
  shippingFlatRate: number;
}

export interface RateQuote {
  carrier: string;
  carrierName: string;
  /** Minor units of the parcel's currency. */
  amount: number;
  currency: string;
}

export interface Label {
  trackingNumber: string;
  trackingUrl: string | null;
}

/** A carrier's tracking update, mapped to the shipment lifecycle. */
export interface TrackingUpdate {
  status: ShipmentStatus;
  description: string;
}

/**
 * One carrier behind one interface: rates, label creation and tracking. A real carrier's API
 * client implements the same three calls (the simulated ones compute locally).
 */
export interface CarrierStrategy {
  /** The registry name, stored on every shipment and in the store's setting. */
  readonly name: string;
  readonly displayName: string;
  readonly description: string;
  quote(parcel: Parcel, rates: StoreShippingRates): RateQuote;
  /** A new label; `serial` is a fresh random number the carrier turns into its tracking number. */
  createLabel(serial: number): Label;
  /** True when `trackingNumber` follows this carrier's rules (format and check digit). */
  isTrackingNumber(trackingNumber: string): boolean;
  /** The carrier's own status code mapped to ours; undefined for a code it does not send. */
  mapTracking(code: string): TrackingUpdate | undefined;
}
