// `npm start`: checks PostgreSQL, Redis and RabbitMQ, runs every service's migrations, starts every
// service and the gateway as separate processes, prints the URLs, and stops them all on Ctrl-C.
const { spawn, spawnSync } = require('node:child_process');
const path = require('node:path');
const readline = require('node:readline');
const { services } = require('./services');
const { serviceEnv } = require('./dev-env');
const { seedDemoStore } = require('./seed');

const root = path.join(__dirname, '..');
const children = new Map();
let stopping = false;

function main() {
  const infra = spawnSync(process.execPath, [path.join(__dirname, 'check-infra.js')], { stdio: 'inherit' });
  if (infra.status !== 0) process.exit(1);

  for (const service of services.filter((s) => s.database)) {
    const result = spawnSync(process.execPath, [path.join(root, service.dir, 'dist/migrate.js')], {
      stdio: 'inherit',
      env: serviceEnv(service),
    });
    if (result.status !== 0) {
      console.error(`[start] migrations of ${service.name} failed; nothing was started.`);
      process.exit(1);
    }
  }

  for (const service of services) start(service);
  const gateway = services.find((s) => s.name === 'gateway');
  seedDemoStore(serviceEnv(gateway), (line) => console.log(`[start] ${line}`)).catch((err) =>
    console.error(`[start] could not seed the demo store: ${err.message}`),
  );
  const domain = process.env.PLATFORM_DOMAIN || 'localhost';
  const port = process.env.GATEWAY_PORT || gateway.port;
  console.log(
    [
      '',
      'Fleet is starting. Open:',
      `  sign-up           http://${domain}:${port}/`,
      `  a store           http://{slug}.${domain}:${port}/   (e.g. curl http://acme.${domain}:${port}/api/store/info)`,
      `  platform console  http://console.${domain}:${port}/`,
      `  health            http://${domain}:${port}/healthz`,
      'Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stopAll(0));
}

function start(service) {
  const child = spawn(process.execPath, [path.join(root, service.dir, 'dist/main.js')], {
    env: serviceEnv(service),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.set(service.name, child);
  for (const stream of [child.stdout, child.stderr]) {
    readline
      .createInterface({ input: stream })
      .on('line', (line) => process.stdout.write(`[${service.name}] ${line}\n`));
  }
  child.on('exit', (code, signal) => {
    children.delete(service.name);
    if (stopping) {
      if (children.size === 0) process.exit(0);
      return;
    }
    console.error(`[start] ${service.name} exited (${signal || code}); stopping the others.`);
    stopAll(1);
  });
}

function stopAll(code) {
  if (stopping) return;
  stopping = true;
  process.exitCode = typeof code === 'number' ? code : 0;
  console.log('\n[start] stopping...');
  for (const child of children.values()) child.kill('SIGTERM');
  if (children.size === 0) process.exit(process.exitCode);
  setTimeout(() => {
    for (const child of children.values()) child.kill('SIGKILL');
    process.exit(process.exitCode || 1);
  }, 15_000).unref();
}

main();
