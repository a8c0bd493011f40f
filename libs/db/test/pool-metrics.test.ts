import { serviceRegistry } from '@fleet/telemetry';
import { createTestDatabase, type TestDatabase } from '@fleet/testing';
import { createDb, newId } from '../src';

/** `fleet_db_pool_connections` of a service's pool (issue 18): total, idle and waiting callers. */
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase('poolm', { migrations: [] });
});
afterAll(() => database.drop());

async function pool(service: string): Promise<Record<string, number>> {
  const text = await serviceRegistry(service).metrics();
  const out: Record<string, number> = {};
  for (const match of text.matchAll(/^fleet_db_pool_connections\{service="([^"]+)",state="(\w+)"\} (\S+)$/gm))
    if (match[1] === service) out[match[2] as string] = Number(match[3]);
  return out;
}

test('the pool shows its connections in use, idle and the callers waiting, and leaves on close', async () => {
  const db = createDb({ url: database.appUrl, max: 1, applicationName: 'pool-metrics' });
  try {
    expect(await pool('pool-metrics')).toEqual({ total: 0, idle: 0, waiting: 0 });
    let release: () => void = () => undefined;
    const held = db.withTenant(
      { requestId: 'r', tenantId: newId('ten') },
      () => new Promise<void>((r) => (release = r)),
    );
    const queued = db.query('SELECT 1');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await pool('pool-metrics')).toEqual({ total: 1, idle: 0, waiting: 1 });
    release();
    await Promise.all([held, queued]);
    expect(await pool('pool-metrics')).toEqual({ total: 1, idle: 1, waiting: 0 });
  } finally {
    await db.close();
  }
  expect(await pool('pool-metrics')).toEqual({});
});
