import pino, { type Logger, type LoggerOptions } from 'pino';
import { currentContext } from '@fleet/context';

export type { Logger } from 'pino';

export interface LoggerConfig {
  service: string;
  level?: string;
  /** Extra pino options (tests pass a destination stream through `destination`). */
  destination?: pino.DestinationStream;
}

/**
 * JSON logger; every line carries the service name and, when inside a request or message,
 * its requestId and tenantId taken from the async context.
 */
export function createLogger(config: LoggerConfig): Logger {
  const options: LoggerOptions = {
    level: config.level ?? process.env.LOG_LEVEL ?? 'info',
    base: { service: config.service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin() {
      const ctx = currentContext();
      if (!ctx) return {};
      return ctx.tenantId
        ? { requestId: ctx.requestId, tenantId: ctx.tenantId }
        : { requestId: ctx.requestId };
    },
    redact: {
      paths: ['password', '*.password', 'credentials', '*.credentials', 'req.headers.authorization'],
      censor: '[redacted]',
    },
  };
  return config.destination ? pino(options, config.destination) : pino(options);
}
