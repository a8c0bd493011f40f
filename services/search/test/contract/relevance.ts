import { doc } from '../products';
import type { ContractContext } from '../search-engine.contract';

const ids = (result: { hits: Array<{ id: string }> }): string[] => result.hits.map((h) => h.id);

export function relevanceContract(ctx: ContractContext): void {
  describe('relevance', () => {
    const sneakers = doc({ title: 'Canvas Sneakers', description: 'Light shoes for summer walks' });
    const boots = doc({ title: 'Leather Boots', description: 'Waterproof winter boots' });
    const scarf = doc({ title: 'Wool Scarf', description: 'Warm and soft, goes well with sneakers' });
    let tenantId: string;

    beforeAll(async () => {
      tenantId = ctx.tenant();
      await ctx.engine().upsert(tenantId, [sneakers, boots, scarf]);
    });

    test('a word prefix matches (search as you type)', async () => {
      const result = await ctx.engine().search(tenantId, { q: 'snea', limit: 10 });
      expect(ids(result)).toContain(sneakers.id);
      expect(ids(result)).not.toContain(boots.id);
    });

    test('a one-letter typo still matches', async () => {
      const result = await ctx.engine().search(tenantId, { q: 'snekers', limit: 10 });
      expect(ids(result)[0]).toBe(sneakers.id);
      const boot = await ctx.engine().search(tenantId, { q: 'leathr boots', limit: 10 });
      expect(ids(boot)).toEqual([boots.id]);
    });

    test('a title match ranks above a description match', async () => {
      const result = await ctx.engine().search(tenantId, { q: 'sneakers', limit: 10 });
      expect(ids(result)).toEqual([sneakers.id, scarf.id]);
    });

    test('a hit carries the listing fields only', async () => {
      const result = await ctx.engine().search(tenantId, { q: 'boots', limit: 10 });
      expect(result.hits).toEqual([
        {
          id: boots.id,
          slug: boots.slug,
          title: 'Leather Boots',
          priceMin: boots.priceMin,
          priceMax: boots.priceMax,
          currency: 'USD',
          available: true,
          image: boots.image,
        },
      ]);
    });

    test('a reviewed product’s hit carries its rating (catalog’s document, from the reviews)', async () => {
      const rated = doc({
        title: 'Rated Kettle',
        description: 'Boils fast',
        rating: { average: 4.5, count: 2 },
      });
      const own = ctx.tenant();
      await ctx.engine().upsert(own, [rated]);
      const result = await ctx.engine().search(own, { q: 'kettle', limit: 10 });
      expect(result.hits).toEqual([
        expect.objectContaining({ id: rated.id, rating: { average: 4.5, count: 2 } }),
      ]);
    });

    test('a query that matches nothing returns no hits and a zero total', async () => {
      const result = await ctx.engine().search(tenantId, { q: 'xylophone', limit: 10 });
      expect(result).toMatchObject({ hits: [], estimatedTotal: 0 });
    });

    test('an empty query lists active products, newest first', async () => {
      const result = await ctx.engine().search(tenantId, { q: '', limit: 10 });
      expect(ids(result)).toEqual([scarf.id, boots.id, sneakers.id]);
      expect(result.estimatedTotal).toBe(3);
    });

    test('estimatedTotal counts every match, not only the page; offset pages', async () => {
      const first = await ctx.engine().search(tenantId, { q: '', limit: 2 });
      const second = await ctx.engine().search(tenantId, { q: '', limit: 2, offset: 2 });
      expect(first.hits).toHaveLength(2);
      expect(first.estimatedTotal).toBe(3);
      expect(ids(second)).toEqual([sneakers.id]);
    });

    test('tenant isolation: another tenant never sees these documents, even with the same words', async () => {
      const other = ctx.tenant();
      const theirs = doc({ title: 'Canvas Sneakers', description: 'Light shoes for summer walks' });
      await ctx.engine().upsert(other, [theirs]);
      for (const q of ['sneakers', 'snekers', 'boots', '']) {
        const result = await ctx.engine().search(other, { q, limit: 100 });
        expect(ids(result).filter((id) => id !== theirs.id)).toEqual([]);
      }
      expect(ids(await ctx.engine().search(tenantId, { q: 'canvas', limit: 100 }))).toEqual([sneakers.id]);
      const empty = await ctx.engine().search(ctx.tenant(), { q: '', limit: 100 });
      expect(empty).toMatchObject({ hits: [], estimatedTotal: 0 });
    });

    test('clearTenant removes that tenant only', async () => {
      const a = ctx.tenant();
      const b = ctx.tenant();
      await ctx.engine().upsert(a, [doc({ title: 'Garden Hose' })]);
      await ctx.engine().upsert(b, [doc({ title: 'Garden Hose' })]);
      await ctx.engine().clearTenant(a);
      expect((await ctx.engine().search(a, { q: 'hose', limit: 10 })).hits).toEqual([]);
      expect((await ctx.engine().search(b, { q: 'hose', limit: 10 })).hits).toHaveLength(1);
    });
  });
}
