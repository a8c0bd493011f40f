// The order service as a library: end-to-end tests and benchmarks run it in-process.
export { createApp, type OrderAppDeps } from './app';
export { createOrderDeps, type OrderDepsOptions } from './bootstrap';
export { configSchema, type OrderConfig } from './config';
export { migrations, relayTables } from './data-access/migrations';
export type { OrderDeps } from './domain/order-deps';
export { ORDER_TRANSITIONS, assertTransition, canTransition } from './domain/order-state-machine';
export { ORDER_CONSUMER, orderConsumer, orderEventsHandler } from './messaging/order-events.consumer';
export {
  SHIPMENT_CONSUMER,
  shipmentConsumer,
  shipmentEventsHandler,
} from './messaging/shipment-events.consumer';
export { driveSaga } from './saga/orchestrator';
export {
  RECOVERY_QUEUE,
  startSagaRecovery,
  type SagaRecovery,
  type SagaRecoveryOptions,
} from './saga/saga-recovery';
export { start } from './start';
export { tenantDataPolicy } from './tenant-data';
