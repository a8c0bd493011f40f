import { doc } from '../products';
import type { ContractContext } from '../search-engine.contract';

export function facetAndFilterContract(ctx: ContractContext): void {
  describe('facets and filters', () => {
    let tenantId: string;
    const shirts = ['cat_tops', 'cat_sale'];
    const catalog = [
      doc({ title: 'Cotton Shirt', categoryIds: shirts, priceMin: 900, available: true }),
      doc({ title: 'Linen Shirt', categoryIds: shirts, priceMin: 4500, available: false }),
      doc({
        title: 'Silk Shirt',
        categoryIds: ['cat_tops'],
        priceMin: 12000,
        priceMax: 15000,
        available: true,
      }),
      doc({ title: 'Denim Jacket', categoryIds: ['cat_outer'], priceMin: 30000, available: true }),
    ];

    beforeAll(async () => {
      tenantId = ctx.tenant();
      await ctx.engine().upsert(tenantId, catalog);
    });

    test('facets count every match by category, price bucket and availability', async () => {
      const result = await ctx.engine().search(tenantId, { q: 'shirt', limit: 1 });
      expect(result.hits).toHaveLength(1);
      expect(result.estimatedTotal).toBe(3);
      expect(result.facets).toEqual({
        category: { cat_tops: 3, cat_sale: 2 },
        priceBucket: {
          '0-1000': 1,
          '1000-2500': 0,
          '2500-5000': 1,
          '5000-10000': 0,
          '10000-25000': 1,
          '25000+': 0,
        },
        availability: { in_stock: 2, out_of_stock: 1 },
      });
    });

    test('an empty query facets the whole store', async () => {
      const { facets, estimatedTotal } = await ctx.engine().search(tenantId, { q: '', limit: 20 });
      expect(estimatedTotal).toBe(4);
      expect(facets.category).toEqual({ cat_tops: 3, cat_sale: 2, cat_outer: 1 });
      expect(facets.priceBucket['25000+']).toBe(1);
      expect(facets.availability).toEqual({ in_stock: 3, out_of_stock: 1 });
    });

    test('filters narrow hits, total and facets', async () => {
      const search = (filters: object, q = '') => ctx.engine().search(tenantId, { q, limit: 20, filters });
      const sale = await search({ categoryIds: ['cat_sale'] });
      expect(sale.hits.map((h) => h.title).sort()).toEqual(['Cotton Shirt', 'Linen Shirt']);
      expect(sale.facets.category).toEqual({ cat_tops: 2, cat_sale: 2 });
      const anyOf = await search({ categoryIds: ['cat_sale', 'cat_outer'] });
      expect(anyOf.estimatedTotal).toBe(3);
      const inStock = await search({ available: true }, 'shirt');
      expect(inStock.hits.map((h) => h.title).sort()).toEqual(['Cotton Shirt', 'Silk Shirt']);
      const outOfStock = await search({ available: false });
      expect(outOfStock.hits.map((h) => h.title)).toEqual(['Linen Shirt']);
      const pricey = await search({ priceBucket: '10000-25000' });
      expect(pricey.hits.map((h) => h.title)).toEqual(['Silk Shirt']);
      const none = await search({ categoryIds: ['cat_outer'], priceBucket: '0-1000' });
      expect(none).toMatchObject({ hits: [], estimatedTotal: 0 });
      expect(none.facets.availability).toEqual({ in_stock: 0, out_of_stock: 0 });
    });
  });
}
