import { createLogger, type Logger } from '@fleet/logger';

export type LogLine = Record<string, unknown> & { msg?: string; level?: string };

export interface LogCapture {
  logger: Logger;
  lines: LogLine[];
}

/** A real pino logger whose JSON lines are collected in memory. */
export function captureLogs(level = 'debug'): LogCapture {
  const lines: LogLine[] = [];
  const destination = {
    write(chunk: string): void {
      for (const text of chunk.split('\n')) if (text) lines.push(JSON.parse(text) as LogLine);
    },
  };
  return { logger: createLogger({ service: 'http-test', level, destination }), lines };
}
