// The plan the host (host/dist/main.js) runs from, passed in FLEET_HOST_PLAN: every service with
// the environment serviceEnv gives it as a process of its own (only what differs from this
// process's environment, which the host inherits) and its port in each worker.
const { availableParallelism } = require('node:os');
const { services } = require('./services');
const { serviceEnv } = require('./dev-env');

/** Worker k's port of a called service when the launcher does not choose: 100 above worker k-1's. */
const PORT_STRIDE = 100;
const MAX_DEFAULT_WORKERS = 4;

/**
 * @param options.layout as for serviceEnv (ports, database names, prefixes)
 * @param options.workers worker processes (default: one per core, FLEET_HOST_WORKERS overrides)
 * @param options.portIn `(service, worker) => port` for called services
 * @param options.env `{service name: {VAR: value}}` added to that service's environment
 */
function hostPlan({ layout = {}, workers = defaultWorkers(), portIn, env = {} } = {}) {
  return {
    workers,
    services: services.map((service) => {
      const full = { ...serviceEnv(service, layout), ...env[service.name] };
      // Every worker has its own pools: together they hold what the service alone would.
      if (service.database) {
        const total = Number(full.DATABASE_POOL_SIZE) || service.pool;
        full.DATABASE_POOL_SIZE = String(Math.max(2, Math.ceil(total / workers)));
      }
      const own = Object.fromEntries(
        Object.entries(full).filter(([key, value]) => process.env[key] !== value),
      );
      const port = (k) => (portIn ? portIn(service, k) : Number(full.PORT) + k * PORT_STRIDE);
      // The gateway's ops port is each worker's own (it describes that worker): 100 above the previous.
      const ops = Number(full.OPS_PORT);
      return {
        name: service.name,
        env: own,
        urlEnv: service.envName,
        ports: service.envName ? Array.from({ length: workers }, (_, k) => port(k)) : [],
        ...(service.opsPort
          ? { opsPorts: Array.from({ length: workers }, (_, k) => (ops ? ops + k * PORT_STRIDE : 0)) }
          : {}),
      };
    }),
  };
}

/**
 * One worker per core, at most 4 unless asked: every worker holds its own relay, sweep and job
 * connections beside its share of the pools, and Postgres allows 100 connections by default.
 */
function defaultWorkers() {
  const asked = Number(process.env.FLEET_HOST_WORKERS);
  return Number.isInteger(asked) && asked > 0 ? asked : Math.min(availableParallelism(), MAX_DEFAULT_WORKERS);
}

module.exports = { hostPlan, PORT_STRIDE };
