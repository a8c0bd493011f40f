import { api, type Product } from '../api';

export interface VariantName {
  product: string;
  productId: string;
  variant: string;
  sku: string;
}

/**
 * Names for the variants of a page of stock levels: each product of the page read once from the
 * catalog (a page holds at most 20 levels). A product that cannot be read leaves its variants
 * shown by id.
 */
export async function variantNames(
  productIds: Array<string | null | undefined>,
): Promise<Map<string, VariantName>> {
  const ids = [...new Set(productIds.filter((id): id is string => Boolean(id)))];
  const products = await Promise.all(
    ids.map((id) => api.request<Product>('GET', `/api/admin/products/${id}`).catch(() => undefined)),
  );
  const names = new Map<string, VariantName>();
  for (const p of products) {
    for (const v of p?.variants ?? []) {
      if (p && v.id) names.set(v.id, { product: p.title, productId: p.id, variant: v.title, sku: v.sku });
    }
  }
  return names;
}
