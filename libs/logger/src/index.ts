import pino, { type Logger, type LoggerOptions } from 'pino';
import { currentContext } from '@fleet/context';

export type { Logger } from 'pino';

export interface LoggerConfig {
  service: string;
  level?: string;
  /** Extra pino options (tests pass a destination stream through `destination`). */
  destination?: pino.DestinationStream;
}

/** Buffered stdout lines are written at least this often. */
const FLUSH_EVERY_MS = 1_000;
/** Bytes gathered before a write: one write(2) per ~20 access lines instead of one each. */
const BUFFER_BYTES = 4_096;

/**
 * Stdout, written asynchronously in batches. A synchronous write per line (pino's default) cost
 * the gateway a system call per request for its access log. Lines are flushed every second, and
 * synchronously when the process exits (pino registers that for an asynchronous destination), so
 * only a hard kill (SIGKILL, OOM) can lose the last second of lines.
 */
function bufferedStdout(): ReturnType<typeof pino.destination> {
  const stream = pino.destination({ dest: 1, sync: false, minLength: BUFFER_BYTES });
  setInterval(() => {
    try {
      stream.flush();
    } catch {
      // Ended at exit (and flushed then): nothing left to write.
    }
  }, FLUSH_EVERY_MS).unref();
  return stream;
}

let stdout: ReturnType<typeof pino.destination> | undefined;

/**
 * JSON logger; every line carries the service name and, when inside a request or message,
 * its requestId and tenantId taken from the async context. Without a destination it writes to
 * stdout through one shared buffered stream (see `bufferedStdout`).
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
  return pino(options, config.destination ?? (stdout ??= bufferedStdout()));
}
