import { newId } from '@fleet/db';
import { contextFromEnvelope, createEnvelope, isStale, parseEnvelope, validateEnvelope } from '../src';

const ctx = { requestId: 'req-1', tenantId: newId('ten') };

test('createEnvelope takes tenant, correlation and causation from the context', () => {
  const env = createEnvelope(ctx, {
    type: 'order.placed',
    aggregateId: 'ord_1',
    version: 3,
    data: { total: 100 },
  });
  expect(env).toEqual({
    id: expect.stringMatching(/^evt_[0-9a-z]{26}$/),
    type: 'order.placed',
    tenantId: ctx.tenantId,
    occurredAt: expect.any(String),
    correlationId: 'req-1',
    causationId: null,
    aggregateId: 'ord_1',
    version: 3,
    data: { total: 100 },
  });
  expect(new Date(env.occurredAt).toISOString()).toBe(env.occurredAt);
  const caused = createEnvelope(
    { ...ctx, correlationId: 'corr-9', causationId: 'evt_x' },
    { type: 'a.b', data: null },
  );
  expect(caused).toMatchObject({ correlationId: 'corr-9', causationId: 'evt_x' });
  expect(caused).not.toHaveProperty('aggregateId');
  expect(caused).not.toHaveProperty('version');
});

test('createEnvelope refuses a context without a tenant', () => {
  expect(() => createEnvelope({ requestId: 'r' }, { type: 'a.b', data: {} })).toThrow(/tenant/);
});

test('contextFromEnvelope makes the event the cause of what the handler does next', () => {
  const env = createEnvelope({ ...ctx, correlationId: 'corr-1' }, { type: 'order.placed', data: {} });
  const handlerCtx = contextFromEnvelope(env);
  expect(handlerCtx).toEqual({
    requestId: `msg:${env.id}`,
    tenantId: ctx.tenantId,
    correlationId: 'corr-1',
    causationId: env.id,
  });
  const next = createEnvelope(handlerCtx, { type: 'inventory.reserved', data: {} });
  expect(next).toMatchObject({ correlationId: 'corr-1', causationId: env.id, tenantId: ctx.tenantId });
});

test('the validator accepts an envelope that went through JSON', () => {
  const env = createEnvelope(ctx, { type: 'order.placed', aggregateId: 'ord_1', version: 0, data: { a: 1 } });
  expect(parseEnvelope(Buffer.from(JSON.stringify(env)))).toEqual({ ok: true, envelope: env });
});

test.each([
  ['not JSON', '{nope', /not JSON/],
  ['an array', '[]', /not an object/],
  ['a missing id', { id: '' }, /id/],
  ['a type without a dot', { type: 'orderplaced' }, /type/],
  ['a wildcard type', { type: 'order.*' }, /type/],
  ['a bad tenant id', { tenantId: "ten_x'; --" }, /tenantId/],
  ['a bad date', { occurredAt: 'yesterday' }, /occurredAt/],
  ['a missing correlation id', { correlationId: undefined }, /correlationId/],
  ['a numeric causation id', { causationId: 7 }, /causationId/],
  ['a negative version', { version: -1 }, /version/],
  ['a fractional version', { version: 1.5 }, /version/],
  ['no data', { data: undefined }, /data/],
])('the validator rejects %s', (_label, change, error) => {
  const base = createEnvelope(ctx, { type: 'order.placed', data: {} });
  const body = typeof change === 'string' ? change : JSON.stringify({ ...base, ...change });
  const check = parseEnvelope(body);
  expect(check.ok).toBe(false);
  if (!check.ok) expect(check.error).toMatch(error);
});

test('validateEnvelope accepts a null causation and data of any JSON type', () => {
  const base = createEnvelope(ctx, { type: 'x.y', data: 0 });
  expect(validateEnvelope({ ...base, data: false }).ok).toBe(true);
  expect(validateEnvelope({ ...base, data: null }).ok).toBe(true);
});

test('isStale drops versions not newer than the last applied one; unversioned events never are', () => {
  const v = (version?: number) => ({ version });
  expect(isStale(undefined, v(1))).toBe(false);
  expect(isStale(null, v(1))).toBe(false);
  expect(isStale(4, v(5))).toBe(false);
  expect(isStale(5, v(5))).toBe(true);
  expect(isStale(5, v(4))).toBe(true);
  expect(isStale(5, v())).toBe(false);
});
