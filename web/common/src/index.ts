export * from './api';
export * from './money';
export * from './router';
export * from './session';
export * from './ui';
export * from './url-pager';
export * from './tenant-exports';
