export * from './product-events';
export * from './inventory';
export * from './payment';
