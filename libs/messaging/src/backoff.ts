/**
 * Exponential backoff with "equal jitter": half of the delay is fixed, half random, so a fleet of
 * reconnecting processes spreads out but none retries immediately. `attempt` starts at 0.
 */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

/** Resolves after `ms`, or at once when `signal` aborts (never rejects): shutdown cuts waits short. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

export function toError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}

/** Waits for `promise` at most `ms` (then gives up waiting; the promise runs on). */
export async function waitAtMost(promise: Promise<unknown>, ms: number): Promise<void> {
  const timeout = new AbortController();
  await Promise.race([
    promise.then(
      () => undefined,
      () => undefined,
    ),
    sleep(ms, timeout.signal),
  ]);
  timeout.abort();
}
