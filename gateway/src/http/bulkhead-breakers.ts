import { EventEmitter } from 'node:events';
import {
  CircuitOpenError,
  createBreaker,
  isConnectionError,
  isTimeout,
  type Breaker,
  type BreakerOptions,
  type CircuitState,
} from '@fleet/http';
import { UpstreamServerError } from './upstream-errors';

export interface BulkheadOptions {
  /** Breakers kept per upstream (one per tenant that called lately); the least recent go first. */
  maxBulkheads: number;
  /** The upstream-wide circuit opens when at least this many bulkheads are open at once... */
  quorum: number;
  /** ...and they are at least this share of the bulkheads that called in the rolling window. */
  quorumShare: number;
}

export const DEFAULT_BULKHEAD_OPTIONS: BulkheadOptions = { maxBulkheads: 1_000, quorum: 3, quorumShare: 0.5 };

/** Where a change of circuit happened: one bulkhead (a tenant, or a door without one), or the upstream. */
export type CircuitScope = { bulkhead: string } | 'upstream';

/**
 * The circuit breakers of one upstream: one per bulkhead (the tenant of the request; the door
 * for the apex and the console) plus one for the upstream as a whole.
 *
 * - A bulkhead's breaker counts what shows the upstream failing for it: 5xx answers, timeouts
 *   and connection errors; never a 4xx (that is an answer), never another circuit being open.
 *   One tenant's failures (an attacker's crafted requests on one store) open only its own.
 * - The upstream-wide breaker counts only connection errors (refused, reset, unreachable): no
 *   request content produces those, so they show the upstream itself down. It also opens when
 *   many bulkheads are open at once (`quorum`, and at least `quorumShare` of those that called in
 *   the window): the upstream is sick for many tenants, so every caller fails fast. An attacker
 *   needs that many failing stores, and as many as there are healthy ones calling.
 *
 * Bulkhead keys come from requests, so there are at most `maxBulkheads`: idle closed ones are
 * dropped first; all breakers share one timer for their rolling windows.
 */
export interface UpstreamBreakers {
  run<T>(bulkhead: string, call: () => Promise<T>): Promise<T>;
  /** The upstream-wide circuit, or one bulkhead's. */
  state(bulkhead?: string): CircuitState;
  /** Bulkheads kept now (at most `maxBulkheads`). */
  size(): number;
  shutdown(): void;
}

/** Counted by a bulkhead's breaker: the upstream failed for this caller. */
export const failsBulkhead = (err: unknown): boolean =>
  err instanceof UpstreamServerError || isTimeout(err) || isConnectionError(err);

/** Counted by the upstream-wide breaker: the upstream could not be reached at all. */
export const failsUpstream = (err: unknown): boolean => isConnectionError(err);

export function createUpstreamBreakers(
  name: string,
  breakerOptions: Partial<BreakerOptions> = {},
  onStateChange: (scope: CircuitScope, state: CircuitState) => void = () => undefined,
  overrides: Partial<BulkheadOptions> = {},
): UpstreamBreakers {
  const options = { ...DEFAULT_BULKHEAD_OPTIONS, ...overrides };
  const windowMs = breakerOptions.rollingCountTimeoutMs ?? 10_000;
  const buckets = breakerOptions.rollingCountBuckets ?? 10;
  const rotation = new EventEmitter();
  rotation.setMaxListeners(0);
  const timer = setInterval(() => rotation.emit('rotate'), Math.floor(windowMs / buckets));
  timer.unref();

  const bulkheads = new Map<string, { breaker: Breaker; lastCallAt: number }>();
  const wide = createBreaker(name, breakerOptions, {
    isFailure: failsUpstream,
    rotateBucketController: rotation,
    onStateChange: (state) => onStateChange('upstream', state),
  });

  function quorumReached(): boolean {
    const since = Date.now() - windowMs;
    let open = 0;
    let active = 0;
    for (const { breaker, lastCallAt } of bulkheads.values()) {
      const isOpen = breaker.state() !== 'closed';
      if (isOpen) open++;
      if (isOpen || lastCallAt >= since) active++;
    }
    return open >= options.quorum && open >= active * options.quorumShare;
  }

  function bulkheadOf(key: string) {
    const found = bulkheads.get(key);
    if (found) {
      bulkheads.delete(key); // re-inserted below: the map's order is least recent first
      bulkheads.set(key, found);
      return found;
    }
    if (bulkheads.size >= options.maxBulkheads) evictOne();
    const created = {
      lastCallAt: 0,
      breaker: createBreaker(`${name}:${key}`, breakerOptions, {
        isFailure: failsBulkhead,
        rotateBucketController: rotation,
        onStateChange: (state) => {
          onStateChange({ bulkhead: key }, state);
          if (state === 'open' && wide.state() === 'closed' && quorumReached()) wide.trip();
        },
      }),
    };
    bulkheads.set(key, created);
    return created;
  }

  /** The least recent closed bulkhead, else the least recent of all. */
  function evictOne(): void {
    let victim: string | undefined;
    for (const [key, { breaker }] of bulkheads) {
      victim ??= key;
      if (breaker.state() === 'closed') {
        victim = key;
        break;
      }
    }
    if (victim === undefined) return;
    bulkheads.get(victim)?.breaker.shutdown();
    bulkheads.delete(victim);
  }

  return {
    run<T>(key: string, call: () => Promise<T>): Promise<T> {
      if (wide.state() === 'open') return Promise.reject(new CircuitOpenError(wide.retryAfterMs()));
      const bulkhead = bulkheadOf(key);
      if (bulkhead.breaker.state() === 'open')
        return Promise.reject(new CircuitOpenError(bulkhead.breaker.retryAfterMs()));
      bulkhead.lastCallAt = Date.now();
      return wide.run(() => bulkhead.breaker.run(call));
    },
    state: (key) => (key === undefined ? wide.state() : (bulkheads.get(key)?.breaker.state() ?? 'closed')),
    size: () => bulkheads.size,
    shutdown() {
      clearInterval(timer);
      wide.shutdown();
      for (const { breaker } of bulkheads.values()) breaker.shutdown();
      bulkheads.clear();
    },
  };
}
