import { Pool } from 'undici';
import { createBreaker, type Breaker, type BreakerOptions, type CircuitState } from './circuit-breaker';

export interface UpstreamOptions {
  /** Longest wait for the response headers, then between two body chunks. Default 5 s. */
  timeoutMs?: number;
  /** Retries of an idempotent read after a connection error or a 5xx (0-2). Default 1. */
  retries?: number;
  /** Keep-alive connections to this upstream. Default 64. */
  connections?: number;
  breaker?: Partial<BreakerOptions>;
  /** Told when the circuit opens, turns half-open or closes again (for logs). */
  onCircuitChange?(upstream: string, state: CircuitState): void;
}

/** A service behind the gateway: a keep-alive pool guarded by its own circuit breaker. */
export interface Upstream {
  name: string;
  pool: Pool;
  breaker: Breaker;
  retries: number;
  /** Deadline of the response headers. */
  timeoutMs: number;
  close(): Promise<void>;
}

export function createUpstream(name: string, url: string, options: UpstreamOptions = {}): Upstream {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const pool = new Pool(url, {
    connections: options.connections ?? 64,
    pipelining: 1,
    keepAliveTimeout: 30_000,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    connectTimeout: Math.min(timeoutMs, 2_000),
  });
  const breaker = createBreaker(name, options.breaker, (state) => options.onCircuitChange?.(name, state));
  return {
    name,
    pool,
    breaker,
    timeoutMs,
    retries: Math.min(2, Math.max(0, options.retries ?? 1)),
    async close() {
      breaker.shutdown();
      await pool.close();
    },
  };
}

/** A 5xx answer: a failure for the circuit, yet the answer the client gets when no retry helps. */
export class UpstreamServerError extends Error {
  constructor(
    readonly status: number,
    /** Already streamed to the client (the last attempt). */
    readonly relayed: boolean,
  ) {
    super(`The upstream answered ${status}.`);
    this.name = 'UpstreamServerError';
  }
}

/** The response headers did not arrive in time. */
export class UpstreamTimeoutError extends Error {
  readonly code = 'UPSTREAM_HEADERS_TIMEOUT';

  constructor(timeoutMs: number) {
    super(`No response headers within ${timeoutMs} ms.`);
    this.name = 'UpstreamTimeoutError';
  }
}
