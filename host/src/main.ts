import cluster from 'node:cluster';
import { readPlan } from './plan';
import { runPrimary, WORKER_ENV } from './primary';
import { startWorker } from './worker';

// The host: every service of the platform in each of a few processes (one per core by default)
// instead of one process per service. Calls between services stay inside a process; the gateway
// port is shared. See host/README.md for when to use it and what it changes.

function say(line: string): void {
  process.stdout.write(
    `${JSON.stringify({ level: 'info', service: 'host', pid: process.pid, msg: line })}\n`,
  );
}

async function runWorker(): Promise<void> {
  const index = Number(process.env[WORKER_ENV]);
  const worker = await startWorker(readPlan(), index);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    worker.close().then(
      (clean) => process.exit(clean ? 0 : 1),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  // The primary is gone (killed hard): a worker must not live on serving alone.
  process.once('disconnect', stop);
  process.send?.({ kind: 'ready' });
}

const run = cluster.isPrimary ? () => runPrimary(readPlan(), say) : runWorker;
run().catch((err: unknown) => {
  process.stderr.write(`[host] failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
