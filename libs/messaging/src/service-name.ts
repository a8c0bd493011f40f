import type { Logger } from '@fleet/logger';

/** The service a logger was made for (`createLogger({ service })`), to name its metrics. */
export function serviceOfLogger(logger: Logger): string {
  const bound: unknown = logger.bindings().service;
  return typeof bound === 'string' ? bound : 'unknown';
}
