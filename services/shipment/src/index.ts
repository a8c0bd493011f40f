// Shipment as a library: other workspaces' tests and the host run it in-process (see README).
export { createApp, type ShipmentAppDeps } from './app';
export { configSchema, type ShipmentConfig } from './config';
export { migrations, relayTables } from './data-access/migrations';
export type { ShipmentDeps } from './domain/shipment-deps';
export { CARRIERS, DEFAULT_CARRIER } from './domain/carriers/registry';
export type { CarrierStrategy, Parcel, RateQuote } from './domain/carriers/carrier-strategy';
export { SHIPMENT_TRANSITIONS } from './domain/shipment-state-machine';
export {
  consumeOrderEvents,
  orderEventsHandler,
  ORDERS_CONSUMER,
  ORDER_EVENT_BINDINGS,
} from './messaging/order-fulfilled.consumer';
export { start } from './start';
export { tenantDataPolicy } from './tenant-data';
