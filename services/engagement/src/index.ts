// Engagement as a library: other workspaces' tests run it in-process (see README).
export { createApp, type EngagementAppDeps } from './app';
export { configSchema, type EngagementConfig } from './config';
export { migrations, relayTables } from './data-access/migrations';
export { createCatalogClient, type CatalogClient } from './data-access/catalog.client';
export type { EngagementDeps } from './domain/engagement-deps';
export {
  consumeOrderEvents,
  orderEventsHandler,
  ORDER_CONSUMER,
  ORDER_EVENT_BINDINGS,
} from './messaging/order-events.consumer';
export { start } from './start';
export { tenantDataPolicy } from './tenant-data';
