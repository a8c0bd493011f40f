// Issue 4: search latency of the Postgres engine (the embedded default) over one tenant with
// 100,000 products and a small neighbour, query by query at a few concurrent searches. The
// baseline in the same run: the same database reading 20 of that tenant's documents by key in a
// tenant transaction (what the cheapest possible answer of 20 hits costs here).
const { Pool } = require('pg');
const { createDb, newId } = require('@fleet/db');
const { uniqueName } = require('@fleet/testing');
const {
  createOwnedDatabase,
  createPostgresSearchEngine,
  seedSearchDocuments,
  SEED_QUERIES,
} = require('@fleet/search');
const { dbUrl } = require('../../scripts/dev-env');

const DOCUMENTS = Number(process.env.BENCH_SEARCH_DOCUMENTS ?? 100_000);
const RUNS = Number(process.env.BENCH_SEARCH_RUNS ?? 400);
const CONCURRENCY = Number(process.env.BENCH_SEARCH_CONCURRENCY ?? 2);

/** p50/p99 of `RUNS` calls of `fn`, `CONCURRENCY` at a time, after a warm-up. */
async function timed(fn) {
  const latencies = [];
  let next = 0;
  const worker = async () => {
    while (next++ < RUNS) {
      const started = process.hrtime.bigint();
      await fn();
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  };
  for (let i = 0; i < 20; i++) await fn();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  return { p50: pct(0.5), p99: pct(0.99), latencies };
}

/** The p-th percentile of sorted latencies. */
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

module.exports = async function search() {
  // Owned by an ordinary role, as in production: a superuser owner would skip row-level security.
  const database = await createOwnedDatabase(dbUrl('postgres'), uniqueName('bench_search'));
  const owner = new Pool({ connectionString: database.ownerUrl, max: 1 });
  const db = createDb({ url: database.appUrl, max: CONCURRENCY });
  try {
    const tenantId = newId('ten');
    await seedSearchDocuments(db, tenantId, DOCUMENTS);
    await seedSearchDocuments(db, newId('ten'), 2_000, { salt: 'neighbour' });
    await owner.query('VACUUM ANALYZE search_documents');
    const ids = (
      await owner.query('SELECT product_id AS id FROM search_documents WHERE tenant_id = $1 LIMIT 2000', [
        tenantId,
      ])
    ).rows.map((r) => r.id);
    let n = 0;
    const baseline = await timed(() => {
      const start = (n++ * 20) % (ids.length - 20);
      return db.readAsTenant({ requestId: 'bench', tenantId }, (tx) =>
        tx.query('SELECT * FROM search_documents WHERE tenant_id = $1 AND product_id = ANY($2::text[])', [
          tenantId,
          ids.slice(start, start + 20),
        ]),
      );
    });
    const engine = createPostgresSearchEngine(db);
    const queries = [
      ...SEED_QUERIES.map((q) => ({ q, limit: 20 })),
      { q: 'sneakers', limit: 20, filters: { categoryIds: ['cat_3'], available: true } },
      { q: '', limit: 20, filters: { priceBucket: '2500-5000' } },
    ];
    const results = [];
    for (const query of queries) {
      const { estimatedTotal } = await engine.search(tenantId, query);
      results.push({ query, estimatedTotal, ...(await timed(() => engine.search(tenantId, query))) });
    }
    const worst = results.reduce((a, b) => (b.p99 > a.p99 ? b : a));
    const pooled = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
    const label = (r) =>
      `${JSON.stringify(r.query.q)}${r.query.filters ? ` ${JSON.stringify(r.query.filters)}` : ''}`;
    return [
      {
        name: `search p99, Postgres engine, ${DOCUMENTS} products in one tenant (${CONCURRENCY} concurrent)`,
        value: `all ${results.length} queries pooled: p50 ${percentile(pooled, 0.5).toFixed(1)} ms, p99 ${percentile(pooled, 0.99).toFixed(1)} ms; worst single query ${label(worst)}: p99 ${worst.p99.toFixed(1)} ms (${worst.estimatedTotal} matches)`,
        baseline: `p99 ${baseline.p99.toFixed(1)} ms (20 documents by key, same database)`,
        ratio: percentile(pooled, 0.99) / baseline.p99,
        target: 'p99 < 50 ms',
      },
      {
        name: 'search p99 by query (same run)',
        value: results.map((r) => `${label(r)} ${r.p99.toFixed(1)}`).join(', '),
        baseline: '',
        ratio: NaN,
        target: 'info',
      },
    ];
  } finally {
    await db.close();
    await owner.end();
    await database.drop();
  }
};
