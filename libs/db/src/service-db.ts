import { createDb, type Db } from './db';

/** The part of a service's validated config that describes its application pool. */
export interface ServicePoolConfig {
  DATABASE_URL: string;
  DATABASE_POOL_SIZE: number;
}

/**
 * A service's application pool from its config, named after the service in `pg_stat_activity`; an
 * idle connection that fails is dropped by the pool and reported as a warning.
 */
export function createServiceDb(
  service: string,
  config: ServicePoolConfig,
  logger: { warn(details: { err: Error }, message: string): void },
): Db {
  return createDb({
    url: config.DATABASE_URL,
    max: config.DATABASE_POOL_SIZE,
    applicationName: service,
    onError: (err) => logger.warn({ err }, 'idle db connection failed'),
  });
}
