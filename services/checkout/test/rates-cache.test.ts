import type { TenantCtx } from '@fleet/context';
import type { StoreRates } from '@fleet/contracts';
import { createRatesCache, type RatesCacheOptions } from '../src';

const ctxOf = (tenantId: string): TenantCtx => ({ requestId: 'req_test', tenantId });
const ratesOf = (taxRateBps: number): StoreRates => ({
  currency: 'USD',
  shippingFlatRate: 499,
  taxRateBps,
  unpaidOrderTimeoutMinutes: 30,
});

/** A registry stand-in: answers the current rates per tenant, counts reads, can hold them. */
function registry() {
  const current = new Map<string, number>();
  const reads: string[] = [];
  let hold: Promise<void> | undefined;
  return {
    reads,
    set: (tenantId: string, bps: number) => current.set(tenantId, bps),
    holdReads(gate: Promise<void> | undefined) {
      hold = gate;
    },
    async get(ctx: TenantCtx): Promise<StoreRates> {
      reads.push(ctx.tenantId);
      const bps = current.get(ctx.tenantId); // read before any hold: what the registry saw
      await hold;
      if (bps === undefined) throw new Error(`no store ${ctx.tenantId}`);
      return ratesOf(bps);
    },
  };
}

function cacheOver(source: ReturnType<typeof registry>, options: Partial<RatesCacheOptions> = {}) {
  const clock = { now: 1_000_000 };
  const cache = createRatesCache(source, {
    maxEntries: 3,
    maxAgeMs: 60_000,
    now: () => clock.now,
    ...options,
  });
  return { cache, clock };
}

test('rates are read once per tenant and kept until dropped', async () => {
  const source = registry();
  source.set('ten_a', 825);
  const { cache } = cacheOver(source);
  expect((await cache.get(ctxOf('ten_a'))).taxRateBps).toBe(825);
  source.set('ten_a', 1000);
  expect((await cache.get(ctxOf('ten_a'))).taxRateBps).toBe(825);
  expect(source.reads).toEqual(['ten_a']);
  cache.forget('ten_a');
  expect((await cache.get(ctxOf('ten_a'))).taxRateBps).toBe(1000);
  expect(source.reads).toEqual(['ten_a', 'ten_a']);
});

test('the cache holds at most maxEntries tenants, dropping the least recently used', async () => {
  const source = registry();
  for (const t of ['ten_a', 'ten_b', 'ten_c', 'ten_d']) source.set(t, 100);
  const { cache } = cacheOver(source);
  await cache.get(ctxOf('ten_a'));
  await cache.get(ctxOf('ten_b'));
  await cache.get(ctxOf('ten_c'));
  await cache.get(ctxOf('ten_a')); // a is now the most recently used
  await cache.get(ctxOf('ten_d')); // over the bound: b goes
  expect(cache.size).toBe(3);
  expect(['ten_a', 'ten_b', 'ten_c', 'ten_d'].map((t) => cache.has(t))).toEqual([true, false, true, true]);
  // Many distinct tenants never grow it past the bound.
  for (let i = 0; i < 50; i++) {
    source.set(`ten_x${i}`, i);
    await cache.get(ctxOf(`ten_x${i}`));
  }
  expect(cache.size).toBe(3);
});

test('an entry older than maxAgeMs is read again, even without an event', async () => {
  const source = registry();
  source.set('ten_a', 825);
  const { cache, clock } = cacheOver(source, { maxAgeMs: 60_000 });
  await cache.get(ctxOf('ten_a'));
  source.set('ten_a', 1000);
  clock.now += 59_999;
  expect((await cache.get(ctxOf('ten_a'))).taxRateBps).toBe(825);
  clock.now += 1;
  expect(cache.has('ten_a')).toBe(false);
  expect((await cache.get(ctxOf('ten_a'))).taxRateBps).toBe(1000);
  expect(source.reads).toHaveLength(2);
});

test('concurrent misses share one read; failures are not kept', async () => {
  const source = registry();
  source.set('ten_a', 825);
  const { cache } = cacheOver(source);
  const answers = await Promise.all([1, 2, 3].map(() => cache.get(ctxOf('ten_a'))));
  expect(answers.map((r) => r.taxRateBps)).toEqual([825, 825, 825]);
  expect(source.reads).toEqual(['ten_a']);
  await expect(cache.get(ctxOf('ten_unknown'))).rejects.toThrow('no store');
  await expect(cache.get(ctxOf('ten_unknown'))).rejects.toThrow('no store');
  expect(cache.has('ten_unknown')).toBe(false);
  expect(source.reads.filter((t) => t === 'ten_unknown')).toHaveLength(2);
});

test('a read under way when the tenant is dropped is answered but not kept', async () => {
  const source = registry();
  source.set('ten_a', 825);
  const { cache } = cacheOver(source);
  let release = () => {};
  source.holdReads(new Promise<void>((resolve) => (release = resolve)));
  const early = cache.get(ctxOf('ten_a')); // the registry read 825 before the change committed
  source.set('ten_a', 1000);
  cache.forget('ten_a'); // the change's event arrives while that read is still under way
  source.holdReads(undefined);
  release();
  expect((await early).taxRateBps).toBe(825);
  expect(cache.has('ten_a')).toBe(false);
  expect((await cache.get(ctxOf('ten_a'))).taxRateBps).toBe(1000);
});

test('clear drops every tenant; maxEntries or maxAgeMs 0 turns the cache off', async () => {
  const source = registry();
  source.set('ten_a', 1);
  source.set('ten_b', 2);
  const { cache } = cacheOver(source);
  await cache.get(ctxOf('ten_a'));
  await cache.get(ctxOf('ten_b'));
  cache.clear();
  expect(cache.size).toBe(0);
  for (const off of [{ maxEntries: 0 }, { maxAgeMs: 0 }]) {
    const reads = source.reads.length;
    const { cache: passThrough } = cacheOver(source, off);
    await passThrough.get(ctxOf('ten_a'));
    await passThrough.get(ctxOf('ten_a'));
    expect(source.reads.length - reads).toBe(2);
    expect(passThrough.size).toBe(0);
  }
});
