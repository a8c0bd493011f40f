import { Pool } from 'undici';
import { createUpstreamBreakers, type CircuitScope, type UpstreamBreakers } from './bulkhead-breakers';
import type { BreakerOptions, CircuitState } from '@fleet/http';
import { trackBreaker } from '@fleet/http';

export { UpstreamServerError, UpstreamTimeoutError } from './upstream-errors';

export interface UpstreamOptions {
  /** Longest wait for the response headers, then between two body chunks. Default 5 s. */
  timeoutMs?: number;
  /** Retries of an idempotent read after a connection error or a 5xx (0-2). Default 1. */
  retries?: number;
  /** Keep-alive connections to this upstream. Default 64. */
  connections?: number;
  breaker?: Partial<BreakerOptions>;
  /** Told when a circuit (a bulkhead's or the upstream's) opens, turns half-open or closes (for logs). */
  onCircuitChange?(upstream: string, state: CircuitState, scope: CircuitScope): void;
}

/** A service behind the gateway: a keep-alive pool guarded by circuit breakers per tenant and as a whole. */
export interface Upstream {
  name: string;
  pool: Pool;
  breakers: UpstreamBreakers;
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
  const breakers = createUpstreamBreakers(name, options.breaker, (scope, state) =>
    options.onCircuitChange?.(name, state, scope),
  );
  // The upstream-wide circuit only: bulkheads are per tenant (unbounded labels).
  const untrack = trackBreaker({ service: 'gateway', upstream: name, state: () => breakers.state() });
  return {
    name,
    pool,
    breakers,
    timeoutMs,
    retries: Math.min(2, Math.max(0, options.retries ?? 1)),
    async close() {
      untrack();
      breakers.shutdown();
      await pool.close();
    },
  };
}
