export * from './run-id';
export * from './test-database';
export * from './test-redis';
export * from './test-amqp';
export * from './wait-for';
export * from './host-request';
export * from './dns-server';
