// Notification as a library: tests, the benchmarks and the host run it in-process (see README).
export { createApp, type NotificationAppDeps } from './app';
export { configSchema, type NotificationConfig } from './config';
export { migrations, relayTables } from './data-access/migrations';
export { createStoreProfiles, type StoreProfileOptions } from './data-access/store-profile.client';
export { createEmailRenderer, type EmailRenderer } from './domain/email-renderer';
export type { NotificationDeps, SendDeps } from './domain/notification-deps';
export { NOTIFICATION_EVENT_BINDINGS, planNotification } from './domain/notification-plan';
export { sendDelivery, type DeliveryJob } from './domain/send-delivery';
export {
  createDeliveryQueue,
  startDeliveryWorker,
  DELIVERY_QUEUE,
  type DeliveryQueue,
  type DeliveryQueueOptions,
  type DeliveryWorker,
} from './messaging/delivery-queue';
export { createFairPriority, MAX_PRIORITY } from './messaging/fair-priority';
export { createSmtpMailer, type Mailer } from './messaging/mailer';
export {
  consumeNotificationEvents,
  notificationEventsHandler,
  EVENTS_CONSUMER,
} from './messaging/notification-events.consumer';
export { subscribeToSettingsChanges } from './messaging/settings-changed.consumer';
export { start } from './start';
export { tenantDataPolicy } from './tenant-data';
