// Runs the whole platform the way `npm start` does (real Postgres, Redis, RabbitMQ) but isolated for
// a benchmark or an end-to-end test: its own ports, database names and prefixes, all removed again
// by stop(). Every service runs as a process of its own, or with `host` all of them in each of the
// host's worker processes, as `npm start` runs them by default.
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { randomBytes } = require('node:crypto');
const { services } = require('../../scripts/services');
const { serviceEnv, migrateEnv, dbUrl } = require('../../scripts/dev-env');
const { hostPlan, PORT_STRIDE } = require('../../scripts/host-plan');
const { dropDatabase } = require('@fleet/db');
const { startSmtpSink } = require('@fleet/testing');
const { deleteBrokerTopology } = require('./broker-cleanup');

const AMQP_URL = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

const root = path.join(__dirname, '../..');
/** Extra node flags for every service, e.g. `BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/p'`. */
const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);

/** Fresh secrets for one platform (production mode refuses the development defaults). */
function randomSecrets() {
  const hex = () => randomBytes(24).toString('hex');
  return {
    INTERNAL_SIGNING_KEY: hex(),
    IDENTITY_KEY_ENCRYPTION_KEY: hex(),
    PAYMENT_CREDENTIALS_KEY: `bench:${hex()}`,
    PLATFORM_ADMIN_PASSWORD: hex(),
  };
}

/**
 * `ports`: `{service name: port}` chosen by the caller (tests pick free ones), else `basePort + n`.
 * `env`: `{service name: {VAR: value}}` added to that service's environment.
 * `host`: `{workers, ports?}` runs the host instead; `ports` is `{service name: [port per worker]}`
 *   (worker 0's must match the ports above), else each worker's are 100 above the previous one's.
 * `preload`: `{path, env}` loads a module into every process first (`node -r`), with `env` added.
 */
async function startPlatform({
  basePort = 14000,
  logLevel = 'warn',
  ports = {},
  env = {},
  host,
  preload,
} = {}) {
  // A benchmark's e-mails go to a real SMTP server, as in production and as `npm start` sends them
  // to its sink: without one, every order's mail would fail and retry, and its cost would be counted.
  // Only when the caller chose no ports (benchmarks, on fixed ports below the ephemeral range): tests
  // pass free ports they picked beforehand, and the sink's own port-0 bind could take one of them.
  let mailSink;
  if (!env.notification?.SMTP_URL && Object.keys(ports).length === 0) {
    mailSink = await startSmtpSink();
    env = { ...env, notification: { ...env.notification, SMTP_URL: mailSink.url } };
  }
  const args = [...nodeArgs, ...(preload ? ['-r', preload.path] : [])];
  const preloadEnv = preload?.env ?? {};
  const run = `b${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const index = new Map(services.map((s, i) => [s.name, i]));
  const layout = {
    port: (s) => ports[s.name] ?? (s.name === 'gateway' ? basePort + 80 : basePort + 1 + index.get(s.name)),
    database: (s) => (s.database ? `${run}_${s.database.replace(/^fleet_/, '')}` : null),
    redisPrefix: `${run}:`,
    amqpPrefix: `${run}.`,
    // Production mode refuses the published dev secrets: this platform gets its own random ones.
    extra: { LOG_LEVEL: logLevel, NODE_ENV: 'production', ...randomSecrets() },
  };
  const children = [];
  for (const service of services.filter((s) => s.database)) {
    const migrated = spawnSync(process.execPath, [path.join(root, service.dir, 'dist/migrate.js')], {
      env: migrateEnv(service, layout),
      encoding: 'utf8',
    });
    if (migrated.status !== 0) throw new Error(`migrating ${service.name} failed: ${migrated.stderr}`);
  }
  const portIn = (service, worker) =>
    host?.ports?.[service.name]?.[worker] ?? layout.port(service) + worker * PORT_STRIDE;
  if (host) {
    const plan = hostPlan({ layout, workers: host.workers, portIn, env });
    children.push(
      spawn(process.execPath, [...args, path.join(root, 'host/dist/main.js')], {
        env: { ...process.env, ...preloadEnv, FLEET_HOST_PLAN: JSON.stringify(plan) },
        stdio: ['ignore', 'ignore', 'inherit'],
      }),
    );
  } else {
    for (const service of services) {
      const child = spawn(process.execPath, [...args, path.join(root, service.dir, 'dist/main.js')], {
        env: { ...serviceEnv(service, layout), ...env[service.name], ...preloadEnv },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      children.push(child);
    }
  }
  const urlOf = (name) => `http://127.0.0.1:${layout.port(services[index.get(name)])}`;
  const workers = host ? host.workers : 1;
  async function stop() {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(
      children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)),
    );
    for (const service of services.filter((s) => s.database))
      await dropDatabase(dbUrl(layout.database(service)));
    await deleteBrokerTopology(AMQP_URL, layout.amqpPrefix).catch(() => undefined);
    cleanRedis(layout.redisPrefix);
    await mailSink?.close();
  }
  try {
    await Promise.all(
      services.flatMap((s) =>
        Array.from({ length: s.envName ? workers : 1 }, (_, k) =>
          // The gateway's /readyz is on its internal ops port (a free one here): its public /healthz
          // answers once it has started, which is what this waits for.
          waitReady(
            `http://127.0.0.1:${k === 0 ? layout.port(s) : portIn(s, k)}/${s.envName ? 'readyz' : 'healthz'}`,
          ),
        ),
      ),
    );
  } catch (err) {
    await stop(); // a platform that never came up leaves no processes, databases or queues behind
    throw err;
  }
  return {
    run,
    urlOf,
    /** `{name: pid}` of every process (services, or the host and its workers), for CPU accounting. */
    pids: host
      ? hostPids(children[0].pid)
      : Object.fromEntries(services.map((s, i) => [s.name, children[i].pid])),
    /** Every database of this platform is named `${run}_<service>`. */
    databasePrefix: `${run}_`,
    env: (name) => ({ ...serviceEnv(services[index.get(name)], layout), ...env[name] }),
    databaseUrl: (name, user) => {
      const db = layout.database(services[index.get(name)]);
      return user ? dbUrl(db, user, user) : dbUrl(db);
    },
    stop,
  };
}

// PLATFORM_READY_TIMEOUT_MS: fourteen processes starting at once on a loaded 2-core machine may
// need more than a minute (seen: notification, the last to start, at 60 s).
async function waitReady(url, timeoutMs = Number(process.env.PLATFORM_READY_TIMEOUT_MS) || 150_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} not ready after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The host's primary and its workers (read from /proc; the primary only where there is none). */
function hostPids(primary) {
  let workers = [];
  try {
    workers = fs
      .readFileSync(`/proc/${primary}/task/${primary}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean);
  } catch {
    // not Linux: the primary alone
  }
  return { host: primary, ...Object.fromEntries(workers.map((pid, i) => [`host-w${i}`, Number(pid)])) };
}

function cleanRedis(prefix) {
  spawnSync('sh', [
    '-c',
    `redis-cli --scan --pattern '${prefix}*' | xargs -r -n 500 redis-cli del > /dev/null`,
  ]);
}

module.exports = { startPlatform };
