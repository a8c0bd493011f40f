import type { ReadinessCheck } from './http-app.options';

export type CheckOutcome = 'ok' | 'failed' | 'timeout';

export interface ReadinessReport {
  ok: boolean;
  checks: Record<string, CheckOutcome>;
  /** Why each failed check failed, for the log only (never sent to the client). */
  errors: Record<string, string>;
}

class CheckTimeout extends Error {}

function withTimeout(check: ReadinessCheck, timeoutMs: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckTimeout(`timed out after ${timeoutMs} ms`)), timeoutMs);
    timer.unref();
  });
  const run = Promise.resolve().then(check);
  return Promise.race([run, timeout]).finally(() => clearTimeout(timer));
}

/** Runs every check concurrently, each bounded by `timeoutMs`. */
export async function runReadinessChecks(
  checks: Record<string, ReadinessCheck>,
  timeoutMs: number,
): Promise<ReadinessReport> {
  const names = Object.keys(checks);
  const results = await Promise.allSettled(
    names.map((name) => withTimeout(checks[name] as ReadinessCheck, timeoutMs)),
  );
  const report: ReadinessReport = { ok: true, checks: {}, errors: {} };
  results.forEach((result, i) => {
    const name = names[i] as string;
    if (result.status === 'fulfilled') {
      report.checks[name] = 'ok';
      return;
    }
    report.ok = false;
    report.checks[name] = result.reason instanceof CheckTimeout ? 'timeout' : 'failed';
    report.errors[name] = result.reason instanceof Error ? result.reason.message : String(result.reason);
  });
  return report;
}
