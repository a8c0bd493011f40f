import { z } from '@fleet/config';

/**
 * What a launcher (scripts/start.js, the benchmarks, the end-to-end tests) hands the host in
 * `FLEET_HOST_PLAN`: how many workers to run, and every service in start order with the environment
 * it would get as a process of its own and its port in each worker.
 */
const hostedService = z.object({
  name: z.string().min(1),
  /** Its environment as a process of its own, where it differs from the host's (worker 0's ports). */
  env: z.record(z.string(), z.string()),
  /** The variable through which the other services find this one (`CART_URL`); none for the gateway. */
  urlEnv: z.string().min(1).nullable(),
  /** Its port in each worker (called services only: the gateway's port is in its env, shared). */
  ports: z.array(z.number().int().min(1).max(65_535)),
  /** Its internal ops port in each worker (the gateway's OPS_PORT; 0: any free port). */
  opsPorts: z.array(z.number().int().min(0).max(65_535)).optional(),
});

const planSchema = z
  .object({
    /** Worker processes, each running every service. */
    workers: z.number().int().min(1).max(64),
    services: z.array(hostedService).min(1),
  })
  .refine((plan) => plan.services.every((s) => s.urlEnv === null || s.ports.length === plan.workers), {
    message: 'every called service needs one port per worker',
  });

export type HostedService = z.infer<typeof hostedService>;
export type HostPlan = z.infer<typeof planSchema>;

export const PLAN_ENV = 'FLEET_HOST_PLAN';

/** The plan from `FLEET_HOST_PLAN`; throws with the reason when it is missing or malformed. */
export function readPlan(env: NodeJS.ProcessEnv = process.env): HostPlan {
  const raw = env[PLAN_ENV];
  if (!raw) throw new Error(`${PLAN_ENV} is not set: start the host through scripts/start.js`);
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    throw new Error(`${PLAN_ENV} is not JSON: ${(err as Error).message}`);
  }
  const parsed = planSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${PLAN_ENV} is invalid: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/**
 * The environment of `service` in worker `worker`: a service that others call listens on this
 * worker's own port for it, and every URL to such a service points at this worker's port, so a
 * call between services never leaves the worker's process. The gateway keeps its port: the
 * workers share it.
 */
export function workerEnv(
  plan: HostPlan,
  service: HostedService,
  worker: number,
  base: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  const portIn = (s: HostedService): number => {
    const port = s.ports[worker];
    if (port === undefined) throw new Error(`the plan has no port for ${s.name} in worker ${worker}`);
    return port;
  };
  const env: NodeJS.ProcessEnv = { ...base, ...service.env };
  delete env[PLAN_ENV];
  if (service.urlEnv) env.PORT = String(portIn(service));
  const opsPort = service.opsPorts?.[worker];
  if (opsPort !== undefined) env.OPS_PORT = String(opsPort);
  for (const other of plan.services) {
    if (other.urlEnv && other.urlEnv in env) env[other.urlEnv] = `http://127.0.0.1:${portIn(other)}`;
  }
  return env;
}
