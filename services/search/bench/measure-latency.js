// Search latency of the Postgres engine over one large tenant (and a small neighbour), query by
// query: `npx tsc -b services/search && node services/search/bench/measure-latency.js [documents]`.
const { Pool } = require('pg');
const { createDb, newId } = require('@fleet/db');
const { uniqueName } = require('@fleet/testing');
const {
  createOwnedDatabase,
  createPostgresSearchEngine,
  seedSearchDocuments,
  SEED_QUERIES,
} = require('@fleet/search');

const ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DOCUMENTS = Number(process.argv[2] ?? 100_000);
const RUNS = Number(process.env.RUNS ?? 400);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 4);

async function timeQuery(engine, tenantId, query) {
  const latencies = [];
  let next = 0;
  const worker = async () => {
    while (next++ < RUNS) {
      const started = process.hrtime.bigint();
      await engine.search(tenantId, query);
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  };
  for (let i = 0; i < 20; i++) await engine.search(tenantId, query);
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return { p50: pct(50), p99: pct(99), max: latencies[latencies.length - 1] };
}

async function main() {
  // Owned by an ordinary role, as in production: a superuser owner would skip row-level security.
  const database = await createOwnedDatabase(ADMIN_URL, uniqueName('bench_search'));
  const owner = new Pool({ connectionString: database.ownerUrl, max: 1 });
  const db = createDb({ url: database.appUrl, max: CONCURRENCY });
  try {
    const tenantId = newId('ten');
    const started = Date.now();
    await seedSearchDocuments(db, tenantId, DOCUMENTS);
    await seedSearchDocuments(db, newId('ten'), 2_000, { salt: 'neighbour' });
    await owner.query('VACUUM ANALYZE search_documents');
    console.log(`seeded ${DOCUMENTS} documents for ${tenantId} in ${Date.now() - started} ms`);
    const engine = createPostgresSearchEngine(db);
    if (process.env.SEED_ONLY) return;
    const queries = [
      ...SEED_QUERIES.map((q) => ({ q, limit: 20 })),
      { q: 'sneakers', limit: 20, filters: { categoryIds: ['cat_3'], available: true } },
      { q: '', limit: 20, filters: { priceBucket: '2500-5000' } },
    ];
    for (const query of queries) {
      const { estimatedTotal } = await engine.search(tenantId, query);
      const r = await timeQuery(engine, tenantId, query);
      const label = `${JSON.stringify(query.q)}${query.filters ? ` ${JSON.stringify(query.filters)}` : ''}`;
      console.log(
        `${label.padEnd(60)} matches ${String(estimatedTotal).padStart(6)}  p50 ${r.p50.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  max ${r.max.toFixed(1)} ms`,
      );
    }
  } finally {
    await db.close();
    await owner.end();
    if (process.env.KEEP_DB) console.log(`kept ${database.ownerUrl} (tenant in the log above)`);
    else await database.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
