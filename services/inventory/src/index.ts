// Inventory as a library: other workspaces' tests and the benchmarks run it in-process (see README).
export { createApp, type InventoryAppDeps } from './app';
export { configSchema, type InventoryConfig } from './config';
export { migrations, relayTables } from './data-access/migrations';
export { DEFAULT_LOCATION_ID } from './data-access/location.repository';
export type { InventoryDeps, SweepDeps } from './domain/inventory-deps';
export { sweepExpiredReservations, expireReservation, type SweepOptions } from './domain/expire-reservations';
export {
  consumeProductEvents,
  productEventsHandler,
  PRODUCT_CONSUMER,
  PRODUCT_EVENT_BINDINGS,
} from './messaging/product-events.consumer';
export {
  consumeReturnEvents,
  returnEventsHandler,
  RETURNS_CONSUMER,
  RETURN_EVENT_BINDINGS,
} from './messaging/return-events.consumer';
export {
  startReservationSweeper,
  RESERVATION_SWEEP_QUEUE,
  type ReservationSweeper,
  type ReservationSweeperOptions,
} from './messaging/reservation-sweeper';
export { start } from './start';
export { tenantDataPolicy } from './tenant-data';
