// Issue 17: per-tenant fairness of the e-mail queue. Store A has a backlog of queued e-mails
// (BENCH_FAIRNESS_BACKLOG, default 2,000; the figure is 10,000); store B then places an
// order. Measured: how long B's confirmation takes from being queued to reaching the SMTP server,
// against the same run's baseline of B's e-mail on an idle queue, and how long A's backlog takes to
// drain (what B would wait in a first-in-first-out queue). Real parts: Postgres, Redis (BullMQ),
// the tenant registry in-process for the branding, a real SMTP server (smtp-server) as the provider.
const { createDb, newId } = require('@fleet/db');
const { startHttpServer } = require('@fleet/http');
const { createLogger } = require('@fleet/logger');
const notification = require('@fleet/notification');
const { CONTEXT_HEADER, contextTarget, signContext } = require('@fleet/tenancy');
const registry = require('@fleet/tenancy-registry');
const { createTestDatabase, createTestRedis, startSmtpSink } = require('@fleet/testing');

const BACKLOG = Number(process.env.BENCH_FAIRNESS_BACKLOG ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_FAIRNESS_CONCURRENCY ?? 4);
const KEY = 'bench-signing-key-0123456789abcdef';
const logger = createLogger({ service: 'bench-fairness', level: 'silent' });

module.exports = async function notificationFairness() {
  const closers = [];
  try {
    const run = await setUp(closers);
    const idle = [];
    for (let i = 0; i < 3; i++) idle.push(await timeToInbox(run, run.b, `idle${i}@b.example`));
    idle.sort((x, y) => x - y);
    const baseline = idle[1];

    const bulk = await queueMail(run, run.a, 'bulk@a.example', BACKLOG);
    const backlogQueuedAt = Date.now();
    await run.smtp.waitForMail('bulk@a.example', 1, 60_000); // A's backlog is being sent
    const waitingAhead = bulk - run.smtp.to('bulk@a.example').length;
    const delay = await timeToInbox(run, run.b, 'order@b.example');
    await run.smtp.waitForMail('bulk@a.example', bulk, 30 * 60_000);
    const drain = Date.now() - backlogQueuedAt;
    return [
      {
        name: `notification: store B's confirmation with store A's ${BACKLOG} e-mails queued (concurrency ${CONCURRENCY})`,
        value: `${delay} ms (${waitingAhead} of A's still queued when it was)`,
        baseline: `${baseline} ms on an idle queue`,
        ratio: delay / baseline,
        target: 'a few seconds at most',
      },
      {
        name: `notification: store A's ${BACKLOG} e-mails drained (what B would wait in FIFO)`,
        value: `${drain} ms (${Math.round((BACKLOG / drain) * 1000)} e-mails/s)`,
        baseline: `${delay} ms for B's`,
        ratio: drain / delay,
        target: '',
      },
    ];
  } finally {
    for (const close of closers.reverse()) await close();
  }
};

async function setUp(closers) {
  const [db, registryDb, owner] = await Promise.all([
    database('bench_ntf', notification.migrations, notification.relayTables, closers),
    database('bench_ntf_reg', registry.migrations, registry.relayTables, closers),
  ]).then(([n, r]) => [n.db, r.db, n.owner]);
  const reg = await startHttpServer(
    registry.createApp({
      db: registryDb,
      logger,
      signingKey: KEY,
      readiness: {},
      platformDomain: 'bench.test',
    }),
    { port: 0, logger },
  );
  closers.push(() => reg.close());
  const smtp = await startSmtpSink();
  closers.push(() => smtp.close());
  const redis = await createTestRedis('bench_ntf');
  closers.push(() => redis.cleanup());
  const profiles = notification.createStoreProfiles({
    tenancyUrl: reg.url,
    signingKey: KEY,
    maxAgeMs: 60_000,
  });
  const mailer = notification.createSmtpMailer(smtp.url, { maxConnections: CONCURRENCY });
  const options = { redisUrl: redis.url, redisPrefix: redis.prefix, logger, attempts: 3, backoffMs: 500 };
  const queue = notification.createDeliveryQueue(options);
  const worker = notification.startDeliveryWorker(
    {
      db,
      logger,
      profiles,
      renderer: notification.createEmailRenderer(),
      mailer,
      mailFrom: 'mail@bench.test',
    },
    { ...options, concurrency: CONCURRENCY },
  );
  closers.push(
    () => profiles.close(),
    () => mailer.close(),
    () => queue.close(),
    () => worker.close(),
  );
  const a = await provision(reg.url, 'bench-a');
  const b = await provision(reg.url, 'bench-b');
  return { db, owner, smtp, queue, a, b };
}

async function database(label, migrations, relayTables, closers) {
  const created = await createTestDatabase(label, { migrations, relayTables });
  const db = createDb({ url: created.appUrl, max: 10 });
  const owner = createDb({ url: created.ownerUrl, max: 2 });
  closers.push(
    () => created.drop(),
    () => db.close(),
    () => owner.close(),
  );
  return { db, owner };
}

async function provision(registryUrl, name) {
  const path = '/internal/tenants';
  const ctx = { requestId: 'bench', actor: { kind: 'service', id: 'bench' } };
  const res = await fetch(`${registryUrl}${path}`, {
    method: 'POST',
    headers: {
      [CONTEXT_HEADER]: signContext(ctx, KEY, contextTarget('tenancy', 'POST', path)),
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      slug: `${name}-${Date.now().toString(36)}`,
      name,
      currency: 'USD',
      country: 'US',
    }),
  });
  if (res.status !== 201) throw new Error(`provisioning answered ${res.status}: ${await res.text()}`);
  return (await res.json()).id;
}

/** Deliveries as the event consumer writes them (order confirmations), then their jobs. */
async function queueMail(run, tenantId, recipient, count) {
  const ids = Array.from({ length: count }, () => newId('dlv'));
  const data = JSON.stringify({
    order: { id: 'ord_bench', total: 5850, currency: 'USD', items: [{ quantity: 1, unitPrice: 5850 }] },
  });
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    await run.owner.query(
      `INSERT INTO deliveries (tenant_id, id, event_id, type, recipient, data)
       SELECT $1, id, 'evt_' || id, 'order_confirmation', $2, $3::jsonb FROM unnest($4::text[]) AS id`,
      [tenantId, recipient, data, chunk],
    );
  }
  for (const deliveryId of ids) await run.queue.enqueue({ tenantId, deliveryId });
  return count;
}

async function timeToInbox(run, tenantId, recipient) {
  const started = Date.now();
  await queueMail(run, tenantId, recipient, 1);
  const [mail] = await run.smtp.waitForMail(recipient, 1, 10 * 60_000);
  return mail.receivedAt.getTime() - started;
}
