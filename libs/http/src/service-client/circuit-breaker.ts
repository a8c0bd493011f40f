import type { EventEmitter } from 'node:events';
import CircuitBreaker from 'opossum';

export interface BreakerOptions {
  /** The circuit opens when at least this share of calls in the rolling window failed. Default 50. */
  errorThresholdPercentage: number;
  /** Fewest calls in the rolling window before the circuit may open. Default 10. */
  volumeThreshold: number;
  /** Length of the rolling window and its number of buckets. Default 10 s in 10 buckets. */
  rollingCountTimeoutMs: number;
  rollingCountBuckets: number;
  /** How long the circuit stays open before trial calls are let through. Default 10 s. */
  resetTimeoutMs: number;
  /** Trial calls let through when half-open; all must succeed to close the circuit. Default 3. */
  halfOpenTrials: number;
}

export const DEFAULT_BREAKER_OPTIONS: BreakerOptions = {
  errorThresholdPercentage: 50,
  volumeThreshold: 10,
  rollingCountTimeoutMs: 10_000,
  rollingCountBuckets: 10,
  resetTimeoutMs: 10_000,
  halfOpenTrials: 3,
};

/** Thrown instead of calling the upstream while the circuit is open. */
export class CircuitOpenError extends Error {
  constructor(readonly retryAfterMs: number) {
    super('The circuit is open.');
    this.name = 'CircuitOpenError';
  }
}

export type CircuitState = 'closed' | 'open' | 'half_open';

export interface Breaker {
  /** Runs `call` unless the circuit is open; a rejection that `isFailure` accepts counts as a failure. */
  run<T>(call: () => Promise<T>): Promise<T>;
  state(): CircuitState;
  /** Opens the circuit now, for a reset timeout (a decision taken outside this breaker's counts). */
  trip(): void;
  /** Time left until an open circuit turns half-open (0 unless open). */
  retryAfterMs(): number;
  shutdown(): void;
}

export interface BreakerHooks {
  onStateChange?(state: CircuitState): void;
  /** Which rejections count as failures; the others pass through as answers. Default: all. */
  isFailure?(err: unknown): boolean;
  /** Rotates the rolling window of many breakers with one timer ('rotate' events). */
  rotateBucketController?: EventEmitter;
}

/**
 * A circuit breaker built on opossum. opossum keeps the rolling statistics, opens the circuit and
 * turns it half-open after `resetTimeout`. It lets a single trial call through when half-open;
 * this wrapper admits `halfOpenTrials` instead, closes only when all of them succeed (with a fresh
 * opossum breaker, so old failures cannot reopen it at once) and reopens on the first failure.
 * (A call from before the circuit opened could still close it, as opossum does on any success
 * when half-open; calls are bounded by the upstream timeout, which is shorter than the reset.)
 */
export function createBreaker(
  name: string,
  overrides: Partial<BreakerOptions> = {},
  hooks: BreakerHooks = {},
): Breaker {
  const options = { ...DEFAULT_BREAKER_OPTIONS, ...overrides };
  const onStateChange = hooks.onStateChange ?? (() => undefined);
  const isFailure = hooks.isFailure ?? (() => true);
  let openedAt = 0;
  let trial = { generation: 0, admitted: 0, succeeded: 0 };
  let breaker = fresh();

  function fresh(): CircuitBreaker<[() => Promise<unknown>], unknown> {
    const created = new CircuitBreaker((call: () => Promise<unknown>) => call(), {
      name,
      timeout: false, // the relay's deadline and undici's timeouts bound each call
      // opossum opens when the failure rate is strictly above the threshold.
      errorThresholdPercentage: options.errorThresholdPercentage - 1e-9,
      volumeThreshold: options.volumeThreshold,
      rollingCountTimeout: options.rollingCountTimeoutMs,
      rollingCountBuckets: options.rollingCountBuckets,
      resetTimeout: options.resetTimeoutMs,
      rollingPercentilesEnabled: false,
      enableSnapshots: false,
      errorFilter: (err: unknown) => !isFailure(err),
      rotateBucketController: hooks.rotateBucketController,
    });
    created.on('open', () => {
      openedAt = Date.now();
      onStateChange('open');
    });
    created.on('halfOpen', () => {
      trial = { generation: trial.generation + 1, admitted: 0, succeeded: 0 };
      onStateChange('half_open');
    });
    return created;
  }

  const retryAfterMs = () => Math.max(0, openedAt + options.resetTimeoutMs - Date.now());

  async function runTrial<T>(call: () => Promise<T>): Promise<T> {
    if (trial.admitted >= options.halfOpenTrials) throw new CircuitOpenError(1_000);
    trial.admitted++;
    const { generation } = trial;
    let result: { value: T } | { err: unknown };
    try {
      result = { value: await call() };
    } catch (err) {
      if (isFailure(err)) {
        if (generation === trial.generation && breaker.halfOpen) breaker.open();
        throw err;
      }
      result = { err }; // an answer all the same: the upstream is not sick
    }
    if (generation === trial.generation && breaker.halfOpen && ++trial.succeeded >= options.halfOpenTrials) {
      const old = breaker;
      breaker = fresh();
      old.shutdown();
      onStateChange('closed');
    }
    if ('err' in result) throw result.err;
    return result.value;
  }

  return {
    run<T>(call: () => Promise<T>): Promise<T> {
      if (breaker.opened) return Promise.reject(new CircuitOpenError(retryAfterMs()));
      if (breaker.halfOpen) return runTrial(call);
      return breaker.fire(call) as Promise<T>;
    },
    state: () => (breaker.opened ? 'open' : breaker.halfOpen ? 'half_open' : 'closed'),
    trip: () => {
      if (!breaker.opened) breaker.open();
    },
    retryAfterMs: () => (breaker.opened ? retryAfterMs() : 0),
    shutdown: () => breaker.shutdown(),
  };
}
