import { doc } from '../products';
import type { ContractContext } from '../search-engine.contract';

export function versioningContract(ctx: ContractContext): void {
  describe('versions and lifecycle', () => {
    const titles = async (tenantId: string, q: string): Promise<string[]> =>
      (await ctx.engine().search(tenantId, { q, limit: 10 })).hits.map((h) => h.title);

    test('an older version never overwrites a newer one, in one batch or across calls', async () => {
      const tenantId = ctx.tenant();
      const v1 = doc({ title: 'Red Teapot', version: 1 });
      const v2 = { ...v1, title: 'Blue Teapot', version: 2 };
      await ctx.engine().upsert(tenantId, [v2]);
      await ctx.engine().upsert(tenantId, [v1]);
      expect(await titles(tenantId, 'teapot')).toEqual(['Blue Teapot']);
      await ctx.engine().upsert(tenantId, [
        { ...v1, title: 'Green Teapot', version: 4 },
        { ...v1, version: 3 },
      ]);
      expect(await titles(tenantId, 'teapot')).toEqual(['Green Teapot']);
      await ctx.engine().upsert(tenantId, [{ ...v1, title: 'Pink Teapot', version: 4 }]);
      expect(await titles(tenantId, 'teapot')).toEqual(['Green Teapot']);
    });

    test('remove takes a product out of results; a late older update does not bring it back', async () => {
      const tenantId = ctx.tenant();
      const lamp = doc({ title: 'Desk Lamp', version: 3 });
      await ctx.engine().upsert(tenantId, [lamp]);
      await ctx.engine().remove(tenantId, lamp.id, 2);
      expect(await titles(tenantId, 'lamp')).toEqual(['Desk Lamp']);
      await ctx.engine().remove(tenantId, lamp.id, 4);
      expect(await titles(tenantId, 'lamp')).toEqual([]);
      await ctx.engine().upsert(tenantId, [{ ...lamp, version: 3 }]);
      expect(await titles(tenantId, 'lamp')).toEqual([]);
      expect((await ctx.engine().search(tenantId, { q: '', limit: 10 })).estimatedTotal).toBe(0);
    });

    test('removing a product that was never indexed is harmless and keeps it out later', async () => {
      const tenantId = ctx.tenant();
      const ghost = doc({ title: 'Ghost Chair', version: 1 });
      await ctx.engine().remove(tenantId, ghost.id, 2);
      await ctx.engine().upsert(tenantId, [ghost]);
      expect(await titles(tenantId, 'chair')).toEqual([]);
    });

    test('a draft or archived product is not returned; active again comes back', async () => {
      const tenantId = ctx.tenant();
      const mug = doc({ title: 'Coffee Mug', version: 1 });
      const draft = doc({ title: 'Secret Mug', status: 'draft' });
      await ctx.engine().upsert(tenantId, [mug, draft]);
      expect(await titles(tenantId, 'mug')).toEqual(['Coffee Mug']);
      await ctx.engine().upsert(tenantId, [{ ...mug, status: 'archived', version: 2 }]);
      expect(await titles(tenantId, 'mug')).toEqual([]);
      expect(await titles(tenantId, '')).toEqual([]);
      await ctx.engine().upsert(tenantId, [{ ...mug, status: 'active', version: 3 }]);
      expect(await titles(tenantId, 'mug')).toEqual(['Coffee Mug']);
    });

    test('upserting the same version twice is idempotent', async () => {
      const tenantId = ctx.tenant();
      const vase = doc({ title: 'Glass Vase' });
      await ctx.engine().upsert(tenantId, [vase]);
      await ctx.engine().upsert(tenantId, [vase]);
      const result = await ctx.engine().search(tenantId, { q: 'vase', limit: 10 });
      expect(result.estimatedTotal).toBe(1);
    });
  });
}
