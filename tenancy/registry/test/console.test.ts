import { startRegistry, storeBody, type RegistryFixture } from './registry-fixture';

let registry: RegistryFixture;
const admin = { actor: { kind: 'platform_admin' as const, id: 'adm_1' } };

beforeAll(async () => {
  registry = await startRegistry('reg_console');
  for (const slug of ['shoes-one', 'shoes-two', 'hats-one', 'hats-two', 'bags-one']) {
    await registry.call('/internal/tenants', { method: 'POST', body: storeBody(slug) });
  }
});
afterAll(() => registry.close());

type Page = { items: Array<{ slug: string; status: string; id: string }>; nextCursor: string | null };

test('only platform admins reach the console API', async () => {
  for (const actor of [{ kind: 'staff' }, { kind: 'customer' }, { kind: 'anonymous' }, { kind: 'service' }]) {
    const res = await registry.call('/api/platform/tenants', { ctx: { actor: actor as never } });
    expect(res.status).toBe(403);
  }
});

test('tenants page newest first with a cursor, searchable and filterable', async () => {
  const first = (await (await registry.call('/api/platform/tenants?limit=2', { ctx: admin })).json()) as Page;
  expect(first.items.map((t) => t.slug)).toEqual(['bags-one', 'hats-two']);
  const second = (await (
    await registry.call(`/api/platform/tenants?limit=2&cursor=${first.nextCursor}`, { ctx: admin })
  ).json()) as Page;
  expect(second.items.map((t) => t.slug)).toEqual(['hats-one', 'shoes-two']);
  const third = (await (
    await registry.call(`/api/platform/tenants?limit=2&cursor=${second.nextCursor}`, { ctx: admin })
  ).json()) as Page;
  expect(third.items.map((t) => t.slug)).toEqual(['shoes-one']);
  expect(third.nextCursor).toBeNull();
  const hats = (await (await registry.call('/api/platform/tenants?q=HATS', { ctx: admin })).json()) as Page;
  expect(hats.items.map((t) => t.slug).sort()).toEqual(['hats-one', 'hats-two']);
  const wild = (await (await registry.call('/api/platform/tenants?q=%25', { ctx: admin })).json()) as Page;
  expect(wild.items).toEqual([]);
});

test('suspend, status filter, plan change and detail with usage', async () => {
  const page = (await (await registry.call('/api/platform/tenants?q=bags', { ctx: admin })).json()) as Page;
  const id = page.items[0]!.id;
  expect(
    (await registry.call(`/api/platform/tenants/${id}/suspend`, { method: 'POST', ctx: admin })).status,
  ).toBe(200);
  const suspended = (await (
    await registry.call('/api/platform/tenants?status=suspended', { ctx: admin })
  ).json()) as Page;
  expect(suspended.items.map((t) => t.slug)).toEqual(['bags-one']);
  const planned = await registry.call(`/api/platform/tenants/${id}`, {
    method: 'PATCH',
    ctx: admin,
    body: { plan: 'pro' },
  });
  expect(await planned.json()).toMatchObject({ plan: 'pro', status: 'suspended' });
  const detail = await registry.call(`/api/platform/tenants/${id}`, { ctx: admin });
  expect(await detail.json()).toMatchObject({
    slug: 'bags-one',
    usage: { orders: 0, products: 0, revenue: [], apiCalls: { today: 0, last30Days: 0 } },
  });
  expect(
    (await registry.call(`/api/platform/tenants/${id}/resume`, { method: 'POST', ctx: admin })).status,
  ).toBe(200);
});

test('provisioning from the console, and bad input', async () => {
  const body = {
    storeName: 'Console Made',
    slug: 'console-made',
    currency: 'JPY',
    country: 'JP',
    plan: 'basic',
  };
  const res = await registry.call('/api/platform/tenants', { method: 'POST', ctx: admin, body });
  expect(res.status).toBe(201);
  expect(await res.json()).toMatchObject({ slug: 'console-made', plan: 'basic', currency: 'JPY' });
  const bad = await registry.call('/api/platform/tenants?limit=500&status=gone', { ctx: admin });
  expect(bad.status).toBe(400);
  expect(
    ((await bad.json()) as { errors: Array<{ path: string }> }).errors.map((e) => e.path).sort(),
  ).toEqual(['limit', 'status']);
  expect((await registry.call('/api/platform/tenants?cursor=nonsense', { ctx: admin })).status).toBe(400);
  // Forged cursors that Postgres would refuse (an impossible date, a NUL byte) are 400s naming `cursor`.
  const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  for (const cursor of [
    forge(['2020-02-30', 'ten_x']),
    forge(['2020-02-30T00:00:00.000Z', 'ten_x']),
    forge(['2020-01-01T00:00:00.000Z', 'ten\u0000x']),
    forge(['2020-01-01T00:00:00.000Z', 7]),
  ]) {
    const forged = await registry.call(`/api/platform/tenants?cursor=${cursor}`, { ctx: admin });
    expect([cursor, forged.status]).toEqual([cursor, 400]);
    expect(await forged.json()).toMatchObject({ code: 'invalid_cursor', errors: [{ path: 'cursor' }] });
  }
  expect(
    (await registry.call('/api/platform/tenants/ten_00000000000000000000000000', { ctx: admin })).status,
  ).toBe(404);
});

test('plan filter; suspend and resume carry the reason in the tenant event; a blank reason is a 400', async () => {
  const page = (await (await registry.call('/api/platform/tenants?q=shoes', { ctx: admin })).json()) as Page;
  const id = page.items[0]!.id;
  expect(
    (
      await registry.call(`/api/platform/tenants/${id}`, {
        method: 'PATCH',
        body: { plan: 'enterprise' },
        ctx: admin,
      })
    ).status,
  ).toBe(200);
  const enterprise = (await (
    await registry.call('/api/platform/tenants?plan=enterprise', { ctx: admin })
  ).json()) as Page;
  expect(enterprise.items.map((t) => t.id)).toEqual([id]);
  expect((await registry.call('/api/platform/tenants?plan=gold', { ctx: admin })).status).toBe(400);

  const blank = await registry.call(`/api/platform/tenants/${id}/suspend`, {
    method: 'POST',
    body: { reason: ' ' },
    ctx: admin,
  });
  expect(blank.status).toBe(400);
  expect(await blank.json()).toMatchObject({ errors: [{ path: 'reason' }] });
  const suspended = await registry.call(`/api/platform/tenants/${id}/suspend`, {
    method: 'POST',
    body: { reason: 'chargebacks under review' },
    ctx: admin,
  });
  expect(suspended.status).toBe(200);
  const resumed = await registry.call(`/api/platform/tenants/${id}/resume`, {
    method: 'POST',
    body: { reason: 'review closed' },
    ctx: admin,
  });
  expect(await resumed.json()).toMatchObject({ status: 'active' });
  const events = await registry
    .owner('outbox')
    .where({ tenant_id: id })
    .whereIn('type', ['tenant.suspended', 'tenant.resumed'])
    .orderBy('seq');
  const reasons = events.map((e: { type: string; envelope: { data: { reason?: string } } }) => [
    e.type,
    e.envelope.data.reason,
  ]);
  expect(reasons).toEqual([
    ['tenant.suspended', 'chargebacks under review'],
    ['tenant.resumed', 'review closed'],
  ]);
});
