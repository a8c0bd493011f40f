// Checks that PostgreSQL, Redis and RabbitMQ answer before the tests start, using only Node
// built-ins (it may run before `npm install`). When something is down it starts it with Docker
// Compose if a Docker engine is reachable; otherwise it prints the commands that start it and fails.
//
// Addresses (first one set wins):
//   PostgreSQL  TEST_PG_URL, DATABASE_ADMIN_URL, else postgres://postgres@127.0.0.1:5432/postgres
//   Redis       TEST_REDIS_URL, REDIS_URL, else redis://127.0.0.1:6379
//   RabbitMQ    TEST_AMQP_URL, AMQP_URL, else amqp://guest:guest@127.0.0.1:5672
// (TEST_* are the variables the test helpers in libs/testing read.)
const net = require('node:net');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { setTimeout: sleep } = require('node:timers/promises');

const root = path.resolve(__dirname, '..');
const TIMEOUT_MS = 2000;
const COMPOSE_WAIT_MS = 60000;

function address(names, fallback, defaultPort) {
  const raw = names.map((name) => process.env[name]).find(Boolean) ?? fallback;
  const url = new URL(raw);
  return {
    host: url.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1',
    port: Number(url.port) || defaultPort,
    password: decodeURIComponent(url.password),
    username: decodeURIComponent(url.username),
  };
}

const services = [
  {
    name: 'PostgreSQL',
    compose: 'postgres',
    ...address(['TEST_PG_URL', 'DATABASE_ADMIN_URL'], 'postgres://postgres@127.0.0.1:5432/postgres', 5432),
    // SSLRequest: the server answers one byte, 'S' or 'N'. Proves it is Postgres, not just a port.
    request: () => Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]),
    accept: (reply) => reply.length >= 1 && (reply[0] === 0x53 || reply[0] === 0x4e),
    start: [
      'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
      'or: sudo systemctl start postgresql',
    ],
    apt: 'postgresql',
  },
  {
    name: 'Redis',
    compose: 'redis',
    ...address(['TEST_REDIS_URL', 'REDIS_URL'], 'redis://127.0.0.1:6379', 6379),
    request(self) {
      if (!self.password) return Buffer.from('PING\r\n');
      const auth = self.username ? `AUTH ${self.username} ${self.password}` : `AUTH ${self.password}`;
      return Buffer.from(`${auth}\r\nPING\r\n`);
    },
    accept: (reply) => reply.toString('latin1').includes('+PONG'),
    start: ["redis-server --daemonize yes --bind 127.0.0.1 --save '' --appendonly no"],
    apt: 'redis-server',
  },
  {
    name: 'RabbitMQ',
    compose: 'rabbitmq',
    ...address(['TEST_AMQP_URL', 'AMQP_URL'], 'amqp://guest:guest@127.0.0.1:5672', 5672),
    // AMQP 0-9-1 protocol header; the server answers with a Connection.Start method frame (type 1).
    request: () => Buffer.from('AMQP\x00\x00\x09\x01', 'latin1'),
    accept: (reply) => reply.length >= 1 && reply[0] === 1,
    start: ['rabbitmq-server -detached'],
    apt: 'rabbitmq-server',
  },
];

/** Resolves to undefined when the service answered as expected, else to a short reason. */
function probe(service) {
  return new Promise((resolve) => {
    let reply = Buffer.alloc(0);
    let settled = false;
    const socket = net.connect({ host: service.host, port: service.port });
    const finish = (problem) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(problem);
    };
    socket.setTimeout(TIMEOUT_MS, () => finish(`no answer within ${TIMEOUT_MS / 1000} s`));
    socket.on('connect', () => socket.write(service.request(service)));
    socket.on('data', (chunk) => {
      reply = Buffer.concat([reply, chunk]);
      if (service.accept(reply)) finish(undefined);
      else if (reply.length > 512)
        finish(`unexpected answer ${JSON.stringify(reply.toString('latin1', 0, 40))}`);
    });
    socket.on('error', (err) => finish(err.code || err.message));
    socket.on('end', () =>
      finish(
        reply.length ? `unexpected answer ${JSON.stringify(reply.toString('latin1', 0, 40))}` : 'closed',
      ),
    );
  });
}

async function downServices() {
  const problems = await Promise.all(services.map(probe));
  return services.map((service, i) => ({ service, problem: problems[i] })).filter((r) => r.problem);
}

function runs(command, args, timeout = 10000) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'ignore', timeout });
  return !result.error && result.status === 0;
}

/** `docker compose` or `docker-compose`, when a Docker engine is reachable; else undefined. */
function composeCommand() {
  if (!runs('docker', ['info'])) return undefined;
  if (runs('docker', ['compose', 'version'])) return ['docker', 'compose'];
  if (runs('docker-compose', ['version'])) return ['docker-compose'];
  return undefined;
}

const redis = services.find((s) => s.compose === 'redis');
const rabbitmq = services.find((s) => s.compose === 'rabbitmq');

/**
 * docker-compose.yml requires the platform's secrets (`${VAR:?}`, listed in .env.example) and
 * compose checks them for the whole file even when it starts only PostgreSQL, Redis and RabbitMQ.
 * RabbitMQ's user and Redis's password are the tests' own (from the addresses above, guest:guest
 * and none by default), whatever .env says; the others, when set neither in the environment nor in
 * .env, get a filler value that reaches no container started here.
 */
function withInfrastructureOnlySecrets(env) {
  const names = (file) =>
    fs.existsSync(file)
      ? fs
          .readFileSync(file, 'utf8')
          .split('\n')
          .map((line) => /^([A-Z][A-Z0-9_]*)=/.exec(line.trim())?.[1])
          .filter(Boolean)
      : [];
  const provided = new Set(names(path.join(root, '.env')));
  const filled = { ...env };
  for (const name of names(path.join(root, '.env.example'))) {
    if (!filled[name] && !provided.has(name)) filled[name] = 'unused-by-the-infrastructure-services';
  }
  filled.RABBITMQ_DEFAULT_USER = rabbitmq.username || 'guest';
  filled.RABBITMQ_DEFAULT_PASS = rabbitmq.password || 'guest';
  if (redis.password) filled.REDIS_PASSWORD = redis.password;
  return filled;
}

/** The compose files: a password-less test Redis drops docker-compose.yml's requirepass. */
function composeFiles() {
  const files = ['-f', 'docker-compose.yml'];
  if (!redis.password) files.push('-f', 'deploy/compose/test-infrastructure.yml');
  return files;
}

async function startWithCompose(compose, down) {
  const names = down.map((d) => d.service.compose);
  const args = [...compose.slice(1), ...composeFiles(), 'up', '-d', ...names];
  const printable = [compose[0], ...args].join(' ');
  console.log(`check-infra: Docker is available; running \`${printable}\``);
  // Only the services that are down: one already listening on the host would make its
  // container fail to bind the same port.
  const result = spawnSync(compose[0], args, {
    cwd: root,
    stdio: 'inherit',
    env: withInfrastructureOnlySecrets(process.env),
  });
  if (result.error || result.status !== 0) return down;
  const deadline = Date.now() + COMPOSE_WAIT_MS;
  let still = down;
  while (Date.now() < deadline) {
    still = await downServices();
    if (!still.length) return still;
    await sleep(2000);
  }
  return still;
}

function printHowToStart(down) {
  for (const { service, problem } of down) {
    console.error(`\n✗ ${service.name} is not answering at ${service.host}:${service.port} (${problem})`);
    console.error('  start it:');
    for (const line of service.start) console.error(`    ${line}`);
    console.error(`  not installed? sudo apt-get install -y ${service.apt}`);
  }
  const names = down.map((d) => d.service.compose).join(' ');
  console.error(`\nOr run them in Docker from the repository root: docker compose up -d ${names}`);
  console.error('(with a .env whose RabbitMQ user and Redis password are those of the addresses above)');
  console.error('Elsewhere? Point TEST_PG_URL / TEST_REDIS_URL / TEST_AMQP_URL at running servers.\n');
}

async function main() {
  let down = await downServices();
  if (!down.length) {
    console.log('check-infra: PostgreSQL, Redis and RabbitMQ are up');
    return;
  }
  console.log(`check-infra: down: ${down.map((d) => d.service.name).join(', ')}`);
  const compose = composeCommand();
  if (compose) {
    down = await startWithCompose(compose, down);
    if (!down.length) {
      console.log('check-infra: PostgreSQL, Redis and RabbitMQ are up (started with Docker Compose)');
      return;
    }
    console.error(
      `check-infra: still down after Docker Compose: ${down.map((d) => d.service.name).join(', ')}`,
    );
  } else {
    console.log('check-infra: no reachable Docker engine with Compose, so nothing was started');
  }
  printHowToStart(down);
  process.exit(1);
}

main().catch((err) => {
  console.error(`check-infra: ${err.stack || err}`);
  process.exit(1);
});
