import type { Ctx } from '@fleet/context';
import { createDb, type Db } from '@fleet/db';
import { startHttpServer, type RunningHttpServer } from '@fleet/http';
import { createLogger } from '@fleet/logger';
import { CONTEXT_HEADER, contextTarget, signContext } from '@fleet/tenancy';
import { createTestRedis, type TestRedis } from '@fleet/testing';
import { createApp } from '../src/app';
import { createCatalogClient } from '../src/data-access/catalog.client';
import { createPostgresSearchEngine } from '../src/data-access/postgres-search-engine';
import type { SearchEngine } from '../src/domain/search-engine';
import { createReindexQueue, type ReindexQueue } from '../src/messaging/reindex.queue';
import { startReindexWorker, type ReindexWorker } from '../src/messaging/reindex.worker';
import { createOwnedDatabase } from './owned-database';

export const SIGNING_KEY = 'test-signing-key-0123456789abcdef';
export const logger = createLogger({ service: 'search-test', level: 'silent' });

export interface CallInit {
  method?: string;
  ctx?: Partial<Ctx>;
  /** Leave the signed context header out. */
  unsigned?: boolean;
  /** Sent as JSON. */
  body?: unknown;
}

export interface SearchFixture {
  url: string;
  db: Db;
  engine: SearchEngine;
  redis: TestRedis;
  reindex: ReindexQueue;
  /** Reindex workers running in-process (one is started when a catalog URL is given). */
  workers: ReindexWorker[];
  startWorker(): ReindexWorker;
  /** As the gateway calls search: an anonymous shopper unless `ctx` says otherwise. */
  call(path: string, init?: CallInit): Promise<Response>;
  close(): Promise<void>;
}

export interface FixtureOptions {
  /** The catalog's URL (reindex tests: the real catalog behind a fault proxy); with it a reindex worker runs in-process. */
  catalogUrl?: string;
  pageSize?: number;
  attempts?: number;
  backoffMs?: number;
}

/** The search service in-process on port 0, on the embedded engine, its own database and Redis prefix. */
export async function startSearch(label: string, options: FixtureOptions = {}): Promise<SearchFixture> {
  const database = await createOwnedDatabase(label);
  const db = createDb({ url: database.appUrl, max: 8 });
  const redis = await createTestRedis(label);
  const engine = createPostgresSearchEngine(db);
  const queueOptions = { redisUrl: redis.url, redisPrefix: redis.prefix };
  const reindex = createReindexQueue({
    ...queueOptions,
    attempts: options.attempts,
    backoffMs: options.backoffMs,
  });
  const workers: ReindexWorker[] = [];
  const startWorker = (): ReindexWorker => {
    if (!options.catalogUrl) throw new Error('a reindex worker needs a catalog URL');
    const catalog = createCatalogClient({ baseUrl: options.catalogUrl, signingKey: SIGNING_KEY });
    const worker = startReindexWorker({
      ...queueOptions,
      engine,
      catalog,
      logger,
      pageSize: options.pageSize,
    });
    workers.push(worker);
    return worker;
  };
  if (options.catalogUrl) startWorker();
  const app = createApp({
    db,
    engine,
    reindex,
    logger,
    signingKey: SIGNING_KEY,
    readiness: { postgres: () => db.ping() },
  });
  const server: RunningHttpServer = await startHttpServer(app, { port: 0, logger });
  return {
    url: server.url,
    db,
    engine,
    redis,
    reindex,
    workers,
    startWorker,
    call(path, init = {}) {
      const ctx: Ctx = { requestId: 'test', actor: { kind: 'anonymous' }, ...init.ctx };
      const headers: Record<string, string> = init.unsigned
        ? {}
        : {
            [CONTEXT_HEADER]: signContext(
              ctx,
              SIGNING_KEY,
              contextTarget('search', init.method ?? 'GET', path),
            ),
          };
      if (init.body !== undefined) headers['content-type'] = 'application/json';
      const body = init.body === undefined ? undefined : JSON.stringify(init.body);
      return fetch(`${server.url}${path}`, { method: init.method ?? 'GET', headers, body });
    },
    async close() {
      await server.close();
      for (const worker of workers) await worker.close();
      await reindex.queue.obliterate({ force: true });
      await reindex.close();
      await redis.cleanup();
      await db.close();
      await database.drop();
    },
  };
}
