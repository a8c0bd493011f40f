// Runs the whole platform the way `npm start` does (every service its own process, real Postgres,
// Redis, RabbitMQ) but isolated for a benchmark: its own ports, database names and prefixes, all
// removed again by stop().
const { spawn, spawnSync, execFileSync } = require('node:child_process');
const path = require('node:path');
const { randomBytes } = require('node:crypto');
const { services } = require('../../scripts/services');
const { serviceEnv, dbUrl } = require('../../scripts/dev-env');
const { dropDatabase } = require('@fleet/db');

const root = path.join(__dirname, '../..');
/** Extra node flags for every service, e.g. `BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/p'`. */
const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);

/**
 * `ports`: `{service name: port}` chosen by the caller (tests pick free ones), else `basePort + n`.
 * `env`: `{service name: {VAR: value}}` added to that service's environment.
 */
async function startPlatform({ basePort = 14000, logLevel = 'warn', ports = {}, env = {} } = {}) {
  const run = `b${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const index = new Map(services.map((s, i) => [s.name, i]));
  const layout = {
    port: (s) => ports[s.name] ?? (s.name === 'gateway' ? basePort + 80 : basePort + 1 + index.get(s.name)),
    database: (s) => (s.database ? `${run}_${s.database.replace(/^fleet_/, '')}` : null),
    redisPrefix: `${run}:`,
    amqpPrefix: `${run}.`,
    extra: { LOG_LEVEL: logLevel, NODE_ENV: 'production' },
  };
  const children = [];
  for (const service of services.filter((s) => s.database)) {
    const migrated = spawnSync(process.execPath, [path.join(root, service.dir, 'dist/migrate.js')], {
      env: serviceEnv(service, layout),
      encoding: 'utf8',
    });
    if (migrated.status !== 0) throw new Error(`migrating ${service.name} failed: ${migrated.stderr}`);
  }
  for (const service of services) {
    const child = spawn(process.execPath, [...nodeArgs, path.join(root, service.dir, 'dist/main.js')], {
      env: { ...serviceEnv(service, layout), ...env[service.name] },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(child);
  }
  const urlOf = (name) => `http://127.0.0.1:${layout.port(services[index.get(name)])}`;
  await Promise.all(services.map((s) => waitReady(`${urlOf(s.name)}/readyz`)));
  return {
    run,
    urlOf,
    /** `{service name: pid}` of every process, for CPU accounting (support/cpu.js). */
    pids: Object.fromEntries(services.map((s, i) => [s.name, children[i].pid])),
    /** Every database of this platform is named `${run}_<service>`. */
    databasePrefix: `${run}_`,
    env: (name) => ({ ...serviceEnv(services[index.get(name)], layout), ...env[name] }),
    databaseUrl: (name, user) => {
      const db = layout.database(services[index.get(name)]);
      return user ? dbUrl(db, user, user) : dbUrl(db);
    },
    async stop() {
      for (const child of children) child.kill('SIGTERM');
      await Promise.all(
        children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)),
      );
      for (const service of services.filter((s) => s.database))
        await dropDatabase(dbUrl(layout.database(service)));
      cleanRabbit(layout.amqpPrefix);
      cleanRedis(layout.redisPrefix);
    },
  };
}

async function waitReady(url, timeoutMs = 60_000) {
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

function cleanRabbit(prefix) {
  try {
    const out = execFileSync('rabbitmqctl', ['-q', 'list_queues', 'name'], { encoding: 'utf8' });
    for (const name of out.split('\n').filter((n) => n.startsWith(prefix))) {
      spawnSync('rabbitmqctl', ['-q', 'delete_queue', name]);
    }
    const exchanges = execFileSync('rabbitmqctl', ['-q', 'list_exchanges', 'name'], { encoding: 'utf8' });
    for (const name of exchanges.split('\n').filter((n) => n.startsWith(prefix))) {
      spawnSync('rabbitmqadmin', ['delete', 'exchange', `name=${name}`]);
    }
  } catch {
    // best effort: queues of a bench run are harmless leftovers
  }
}

function cleanRedis(prefix) {
  spawnSync('sh', [
    '-c',
    `redis-cli --scan --pattern '${prefix}*' | xargs -r -n 500 redis-cli del > /dev/null`,
  ]);
}

module.exports = { startPlatform };
