export * from './product-events';
export * from './catalog';
export * from './inventory';
export * from './payment';
export * from './order';
export * from './tenant';
export * from './platform-queues';
export * from './tenant-data-services';
