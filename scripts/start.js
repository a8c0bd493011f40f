// `npm start`: checks PostgreSQL, Redis and RabbitMQ, runs every service's migrations, starts the
// platform, prints the URLs, and stops it on Ctrl-C. By default the platform runs in the host: one
// process per core, each running every service (host/README.md). FLEET_LAYOUT=services starts
// every service and the gateway as a process of its own instead, as Kubernetes runs them.
const { spawn, spawnSync } = require('node:child_process');
const path = require('node:path');
const readline = require('node:readline');
const { services } = require('./services');
const { MAIL_SINK_PORTS, migrateEnv, serviceEnv } = require('./dev-env');
const { startMailSink } = require('./mail-sink');
const { DEMO_OWNER, seedDemoStore } = require('./seed');
const { hostPlan } = require('./host-plan');

const root = path.join(__dirname, '..');
const children = new Map();
let stopping = false;

async function main() {
  const layout = process.env.FLEET_LAYOUT || 'host';
  if (layout !== 'host' && layout !== 'services') {
    console.error(`[start] FLEET_LAYOUT must be "host" or "services", not "${layout}"`);
    process.exit(1);
  }
  const infra = spawnSync(process.execPath, [path.join(__dirname, 'check-infra.js')], { stdio: 'inherit' });
  if (infra.status !== 0) process.exit(1);

  for (const service of services.filter((s) => s.database)) {
    const result = spawnSync(process.execPath, [path.join(root, service.dir, 'dist/migrate.js')], {
      stdio: 'inherit',
      env: migrateEnv(service),
    });
    if (result.status !== 0) {
      console.error(`[start] migrations of ${service.name} failed; nothing was started.`);
      process.exit(1);
    }
  }

  // Mail goes to the local sink unless SMTP_URL names a real server.
  const mailSink = process.env.SMTP_URL
    ? undefined
    : await startMailSink({ smtpPort: MAIL_SINK_PORTS.smtp, webPort: MAIL_SINK_PORTS.web }).catch((err) => {
        console.error(`[start] the mail sink could not start (${err.message}); e-mails will be retried.`);
        return undefined;
      });

  if (layout === 'host') {
    const plan = hostPlan();
    // The host's services inherit this environment: never the schema owner's URL (migrations ran above).
    const { MIGRATION_DATABASE_URL: _owner, ...hostEnv } = process.env;
    spawnChild('host', path.join(root, 'host/dist/main.js'), {
      ...hostEnv,
      FLEET_HOST_PLAN: JSON.stringify(plan),
    });
    console.log(`[start] the host runs every service in ${plan.workers} worker process(es)`);
  } else {
    for (const service of services)
      spawnChild(service.name, path.join(root, service.dir, 'dist/main.js'), serviceEnv(service));
  }
  const gateway = services.find((s) => s.name === 'gateway');
  seedDemoStore(serviceEnv(gateway), (line) => console.log(`[start] ${line}`)).catch((err) =>
    console.error(`[start] could not seed the demo store: ${err.message}`),
  );
  const domain = process.env.PLATFORM_DOMAIN || 'localhost';
  const port = process.env.GATEWAY_PORT || gateway.port;
  const opsPort = Number(process.env.GATEWAY_OPS_PORT || gateway.opsPort);
  const workers = layout === 'host' ? hostPlan().workers : 1;
  const perWorker = (first) =>
    workers > 1
      ? `${first} (worker k: ${first} + 100k, up to ${first + (workers - 1) * 100})`
      : String(first);
  console.log(
    [
      '',
      'Fleet is starting. Open:',
      `  sign-up           http://${domain}:${port}/`,
      `  a store           http://acme.${domain}:${port}/   (the seeded demo shop; its API: curl http://acme.${domain}:${port}/api/store/info)`,
      `  merchant admin    http://acme.${domain}:${port}/admin   (demo login ${DEMO_OWNER.email} / ${DEMO_OWNER.password})`,
      `  platform console  http://console.${domain}:${port}/   (login ${serviceEnv(gateway).PLATFORM_ADMIN_EMAIL} / ${serviceEnv(gateway).PLATFORM_ADMIN_PASSWORD})`,
      `  health            http://${domain}:${port}/healthz`,
      mailSink
        ? `  e-mail            ${mailSink.webUrl}   (every e-mail the platform sends, caught by the local sink at ${mailSink.smtpUrl})`
        : `  e-mail            sent to ${process.env.SMTP_URL ? new URL(process.env.SMTP_URL).host : 'nowhere'}`,
      'Operations endpoints, on this machine only (127.0.0.1; never through the public port):',
      `  gateway           http://127.0.0.1:${opsPort}/readyz and /metrics, port ${perWorker(opsPort)}`,
      `  each service      http://127.0.0.1:{port}/readyz and /metrics, ports 4001-4012${workers > 1 ? ' (worker k: +100k)' : ''}`,
      'Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stopAll(0));
}

function spawnChild(name, script, env) {
  const child = spawn(process.execPath, [script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.set(name, child);
  for (const stream of [child.stdout, child.stderr]) {
    readline
      .createInterface({ input: stream })
      .on('line', (line) => process.stdout.write(`[${name}] ${line}\n`));
  }
  child.on('exit', (code, signal) => {
    children.delete(name);
    if (stopping) {
      if (children.size === 0) process.exit(0);
      return;
    }
    console.error(`[start] ${name} exited (${signal || code}); stopping the others.`);
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

main().catch((err) => {
  console.error(`[start] ${err.stack || err}`);
  process.exit(1);
});
