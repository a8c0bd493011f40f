import type { RunningHttpServer } from '@fleet/http';
import { workerEnv, type HostPlan } from './plan';
import { startersByName } from './services';

export interface RunningWorker {
  /** Shuts the services down in reverse start order (the gateway first); true when all were clean. */
  close(): Promise<boolean>;
}

/**
 * Starts every service of the plan in this process, in plan order. Internal service ports are this
 * worker's alone (`exclusive`); the gateway's port is shared by all workers through the cluster
 * primary. If one service fails to start, the ones already running are closed again.
 */
export async function startWorker(plan: HostPlan, worker: number): Promise<RunningWorker> {
  const running: RunningHttpServer[] = [];
  const close = async (): Promise<boolean> => {
    let clean = true;
    for (const server of running.reverse()) {
      await server.close().catch(() => {
        clean = false;
      });
    }
    return clean;
  };
  try {
    for (const service of plan.services) {
      const start = startersByName[service.name];
      if (!start) throw new Error(`the host cannot run "${service.name}": no such service`);
      running.push(
        await start(workerEnv(plan, service, worker), {
          handleSignals: false,
          exclusive: service.urlEnv !== null,
        }),
      );
    }
  } catch (err) {
    await close();
    throw err;
  }
  return { close };
}
