import knex, { type Knex } from 'knex';
import { newId } from '@fleet/db';
import { serviceRegistry } from '@fleet/http';
import { createTestDatabase, type TestDatabase } from '@fleet/testing';
import { createDueSagaScanner, type DueSagaScanner } from '../src/data-access/due-sagas.repository';
import { migrations, relayTables } from '../src/data-access/migrations';

/**
 * The saga metrics on order's /metrics registry (issue 18), read through the recovery job's
 * relay-role pool at scrape time: live sagas by status, the oldest one's age, and how far the most
 * overdue is past its deadline, across tenants.
 */
let database: TestDatabase;
let owner: Knex;
let scanner: DueSagaScanner;

beforeAll(async () => {
  database = await createTestDatabase('ord_sagam', { migrations, relayTables });
  owner = knex({ client: 'pg', connection: database.ownerUrl, pool: { min: 0, max: 1 } });
  scanner = createDueSagaScanner(database.relayUrl);
});
afterAll(async () => {
  await scanner?.close();
  await owner.destroy();
  await database.drop();
});

async function scrape(metric: string, labels = ''): Promise<number | undefined> {
  const text = await serviceRegistry('order').metrics();
  const line = text.split('\n').find((l) => l.startsWith(`${metric}${labels} `));
  return line === undefined ? undefined : Number(line.split(' ').pop());
}

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

async function saga(tenantId: string, status: string, createdMinutesAgo: number, deadlineMinutesAgo: number) {
  const orderId = newId('ord');
  await owner('orders').insert({
    tenant_id: tenantId,
    id: orderId,
    checkout_id: newId('chk'),
    request_hash: 'h',
    status: 'PENDING',
    email: 'a@example.com',
    currency: 'USD',
    subtotal: 100,
    shipping: 0,
    tax: 0,
    total: 100,
    shipping_address: JSON.stringify({ name: 'A' }),
    access_token_hash: 'x',
    access_token_nonce: 'y',
    expires_at: new Date(Date.now() + 3_600_000),
  });
  await owner('saga_state').insert({
    tenant_id: tenantId,
    order_id: orderId,
    step: 'reserve',
    status,
    deadline_at: minutesAgo(deadlineMinutesAgo),
    created_at: minutesAgo(createdMinutesAgo),
  });
}

test('live sagas by status, the oldest age and the most overdue move with the rows, across tenants', async () => {
  expect(await scrape('fleet_sagas', '{status="running"}')).toBe(0);
  expect(await scrape('fleet_saga_overdue_seconds')).toBe(0);

  const [a, b] = [newId('ten'), newId('ten')];
  await saga(a, 'running', 20, 10); // ten minutes past its deadline: stuck
  await saga(b, 'running', 2, -5); // due in five minutes
  await saga(b, 'waiting', 1, -30);
  await saga(a, 'done', 60, 50); // history: not counted

  expect(await scrape('fleet_sagas', '{status="running"}')).toBe(2);
  expect(await scrape('fleet_sagas', '{status="waiting"}')).toBe(1);
  expect(await scrape('fleet_sagas', '{status="compensating"}')).toBe(0);
  expect(await scrape('fleet_saga_oldest_age_seconds', '{status="running"}')).toBeGreaterThanOrEqual(
    20 * 60 - 5,
  );
  const overdue = (await scrape('fleet_saga_overdue_seconds')) as number;
  expect(overdue).toBeGreaterThanOrEqual(10 * 60 - 5);
  expect(overdue).toBeLessThan(20 * 60);
});
