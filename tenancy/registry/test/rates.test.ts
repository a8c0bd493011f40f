import { startRegistry, storeBody, type RegistryFixture } from './registry-fixture';

let registry: RegistryFixture;
let a: { id: string };
let b: { id: string };
beforeAll(async () => {
  registry = await startRegistry('reg_rates');
  a = (await (
    await registry.call('/internal/tenants', { method: 'POST', body: storeBody('rate-a') })
  ).json()) as { id: string };
  b = (await (
    await registry.call('/internal/tenants', { method: 'POST', body: storeBody('rate-b') })
  ).json()) as { id: string };
});
afterAll(() => registry.close());

const staff = (t: { id: string }) => ({ tenantId: t.id, actor: { kind: 'staff' as const, id: 'stf_1' } });

test('merchants set their own rates and checkout reads them', async () => {
  const set = await registry.call('/api/admin/settings/rates', {
    method: 'PATCH',
    ctx: staff(a),
    body: { shippingFlatRate: 499, taxRateBps: 825 },
  });
  expect(await set.json()).toEqual({
    currency: 'USD',
    shippingFlatRate: 499,
    taxRateBps: 825,
    unpaidOrderTimeoutMinutes: 30,
  });
  const read = async (t: { id: string }) =>
    (await registry.call('/internal/store-rates', { ctx: { tenantId: t.id } })).json();
  expect(await read(a)).toMatchObject({ shippingFlatRate: 499, taxRateBps: 825 });
  expect(await read(b)).toMatchObject({ shippingFlatRate: 0, taxRateBps: 0 });
});

test('rates are validated, staff-only, and internal reads need a service caller', async () => {
  const bad = await registry.call('/api/admin/settings/rates', {
    method: 'PATCH',
    ctx: staff(a),
    body: { taxRateBps: 20000, shippingFlatRate: 1.5 },
  });
  expect(bad.status).toBe(400);
  const customer = { tenantId: a.id, actor: { kind: 'customer' as const, id: 'cus_1' } };
  expect((await registry.call('/api/admin/settings/rates', { ctx: customer })).status).toBe(403);
  expect((await registry.call('/internal/store-rates', { ctx: customer })).status).toBe(403);
});

const settingsEvents = (t: { id: string }): Promise<Array<Record<string, unknown>>> =>
  registry
    .owner('outbox')
    .where({ tenant_id: t.id, type: 'tenant.settings_changed' })
    .orderBy('seq')
    .select('aggregate_id', 'version', 'envelope');

test('a rates change writes tenant.settings_changed with the new rates and the tenant at a new version', async () => {
  const before = await settingsEvents(b);
  const version = (await registry.owner('tenants').where({ id: b.id }).first('version')).version as number;
  const set = await registry.call('/api/admin/settings/rates', {
    method: 'PATCH',
    ctx: staff(b),
    body: { taxRateBps: 2000 },
  });
  expect(set.status).toBe(200);
  const events = await settingsEvents(b);
  expect(events).toHaveLength(before.length + 1);
  expect(events.at(-1)).toEqual({
    aggregate_id: b.id,
    version: version + 1,
    envelope: expect.objectContaining({
      type: 'tenant.settings_changed',
      tenantId: b.id,
      data: {
        tenant: expect.objectContaining({ id: b.id, version: version + 1, hosts: ['rate-b.fleet.test'] }),
        rates: { currency: 'USD', shippingFlatRate: 0, taxRateBps: 2000, unpaidOrderTimeoutMinutes: 30 },
      },
    }),
  });
  // A refused change writes nothing.
  const bad = await registry.call('/api/admin/settings/rates', {
    method: 'PATCH',
    ctx: staff(b),
    body: { taxRateBps: -1 },
  });
  expect(bad.status).toBe(400);
  expect(await settingsEvents(b)).toHaveLength(events.length);
});
