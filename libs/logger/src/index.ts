import pino, { type Logger, type LoggerOptions } from 'pino';
import { currentContext } from '@fleet/context';
import { redactKeys, scrubSecrets } from './redact';

export type { Logger } from 'pino';
export { isSensitiveKey, redactKeys, scrubSecrets, REDACTED } from './redact';

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
 * stdout through one shared buffered stream (see `bufferedStdout`). Credentials never reach the
 * output: values under sensitive names are replaced at any depth, and credential-shaped values
 * (provider keys, tokens, signatures, the context header) anywhere in the line (see `redact.ts`).
 */
export function createLogger(config: LoggerConfig): Logger {
  const options: LoggerOptions = {
    level: config.level ?? process.env.LOG_LEVEL ?? 'info',
    base: { service: config.service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      // Credentials by name, at any depth (headers, bodies, provider objects, error fields).
      log: (object) => redactKeys(object) as Record<string, unknown>,
      bindings: (bindings) => redactKeys(bindings) as Record<string, unknown>,
    },
    // Credentials by shape, in the finished line (messages, error messages and stacks included).
    hooks: { streamWrite: scrubSecrets },
    mixin() {
      const ctx = currentContext();
      if (!ctx) return {};
      return ctx.tenantId
        ? { requestId: ctx.requestId, tenantId: ctx.tenantId }
        : { requestId: ctx.requestId };
    },
  };
  return pino(options, config.destination ?? (stdout ??= bufferedStdout()));
}
