export * from './provider-form';
export * from './providers';
export * from './settings-body';
