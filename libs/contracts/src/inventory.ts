/**
 * Inventory's internal API (called by the order saga with a service actor and the tenant in the
 * signed context) and its events. Reservations are keyed by the order id, so every call is
 * idempotent: a retried saga step finds the first result.
 */
export interface ReserveRequest {
  /** The order id: one reservation per order. */
  reservationId: string;
  items: Array<{ variantId: string; quantity: number }>;
  /** When an uncommitted reservation is released on its own (ISO time). */
  expiresAt: string;
}

/**
 * `POST /internal/reservations/{id}/commit` turns reserved units into sold ones;
 * `/release` gives reserved units back; `/restock` gives committed (sold) units back when a
 * placed order is cancelled or returned. All three are idempotent.
 */
export type ReservationStatus = 'reserved' | 'committed' | 'released' | 'expired' | 'restocked';

export interface ReservationView {
  reservationId: string;
  status: ReservationStatus;
  expiresAt: string;
  items: Array<{ variantId: string; quantity: number }>;
}

/** Body of the 422 `out_of_stock` problem: nothing was reserved. */
export interface OutOfStockDetail {
  variantId: string;
  requested: number;
  available: number;
}

export interface StockLevel {
  variantId: string;
  onHand: number;
  reserved: number;
  available: number;
}

export const INVENTORY_EVENTS = {
  reserved: 'inventory.reserved',
  committed: 'inventory.committed',
  released: 'inventory.released',
  restocked: 'inventory.restocked',
  /** A reservation passed its expiry uncommitted and its stock went back: the order must cancel. */
  expired: 'inventory.reservation_expired',
  /** Sellable units of a variant changed (catalog keeps its availability read model from it). */
  levelChanged: 'inventory.level_changed',
} as const;

export interface ReservationEvent {
  reservationId: string;
  items: Array<{ variantId: string; quantity: number }>;
}

export interface LevelChanged {
  variantId: string;
  productId: string | null;
  available: number;
}
