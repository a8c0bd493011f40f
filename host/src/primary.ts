import cluster, { type Worker } from 'node:cluster';
import type { HostPlan } from './plan';

export const WORKER_ENV = 'FLEET_HOST_WORKER';
const RESTART_DELAY_MS = 1_000;
const STOP_TIMEOUT_MS = 30_000;

type Say = (line: string) => void;

/**
 * The cluster primary: forks the workers (worker 0 alone first, so one-time start-up work such as
 * seeding the platform admin never races), restarts a worker that dies after it was ready, and
 * stops them all on SIGTERM/SIGINT. A worker that dies before it was ever ready stops the host
 * with exit code 1: retrying a broken configuration in a loop helps nobody.
 */
export async function runPrimary(plan: HostPlan, say: Say): Promise<void> {
  const count = plan.workers;
  const workers = new Map<number, Worker>();
  let stopping = false;

  const stopAll = (code: number): void => {
    if (stopping) return;
    stopping = true;
    process.exitCode = code;
    say(`stopping ${workers.size} worker(s)`);
    for (const worker of workers.values()) worker.process.kill('SIGTERM');
    if (workers.size === 0) process.exit(code);
    setTimeout(() => {
      for (const worker of workers.values()) worker.process.kill('SIGKILL');
      process.exit(1);
    }, STOP_TIMEOUT_MS).unref();
  };

  const fork = (index: number): Promise<void> =>
    new Promise((resolve, reject) => {
      const worker = cluster.fork({ [WORKER_ENV]: String(index) });
      workers.set(index, worker);
      let ready = false;
      worker.on('message', (message: unknown) => {
        if ((message as { kind?: string } | null)?.kind !== 'ready') return;
        ready = true;
        say(`worker ${index} ready (pid ${worker.process.pid})`);
        resolve();
      });
      worker.on('exit', (code, signal) => {
        workers.delete(index);
        if (stopping) {
          if (workers.size === 0) process.exit(process.exitCode ?? 0);
          return;
        }
        if (!ready) {
          reject(new Error(`worker ${index} exited (${signal ?? code}) before it was ready`));
          return;
        }
        say(`worker ${index} exited (${signal ?? code}); starting it again`);
        setTimeout(() => {
          if (!stopping) fork(index).catch(() => stopAll(1));
        }, RESTART_DELAY_MS);
      });
    });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stopAll(0));
  try {
    await fork(0);
    await Promise.all(Array.from({ length: count - 1 }, (_, i) => fork(i + 1)));
    say(`${count} worker(s) serving every service`);
  } catch (err) {
    say((err as Error).message);
    stopAll(1);
  }
}
