/**
 * How a call to another service failed, for retries and circuit breakers: shared by the gateway's
 * proxy and the service client.
 */

const CONNECTION_ERRORS = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
]);

const TIMEOUTS = new Set(['UPSTREAM_HEADERS_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

const codeOf = (err: unknown): unknown => (err as { code?: unknown } | null)?.code;

/** The connection failed (refused, reset, closed): the upstream may well answer the next try. */
export const isConnectionError = (err: unknown): boolean => CONNECTION_ERRORS.has(codeOf(err) as string);

/** The upstream took too long: retrying would only double the wait. */
export const isTimeout = (err: unknown): boolean =>
  TIMEOUTS.has(codeOf(err) as string) || (err as Error | null)?.name === 'TimeoutError';

/** 20-40 ms before the first retry, 40-60 ms before the second: enough to miss a restart's blip. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  return 20 * attempt + Math.floor(random() * 20);
}
