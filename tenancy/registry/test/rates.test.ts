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
