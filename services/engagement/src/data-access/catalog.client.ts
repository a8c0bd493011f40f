import type { TenantCtx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import { createServiceClient, type ServiceResult } from '@fleet/http';
import { cardOf, type ProductCard } from '../domain/product-card';

/** Catalog's internal product reads (service actor, the tenant in the signed context). */
export interface CatalogClient {
  /** Cards of the ACTIVE products among `productIds`, in no particular order; others are absent. */
  cards(ctx: TenantCtx, productIds: readonly string[]): Promise<ProductCard[]>;
  /** Active products sharing a category with `productId` (not itself), closest first. */
  similar(ctx: TenantCtx, productId: string, limit: number): Promise<ProductCard[]>;
  close(): Promise<void>;
}

export interface CatalogClientOptions {
  baseUrl: string | (() => string);
  signingKey: string;
  timeoutMs: number;
}

/** Catalog answers at most this many ids per call. */
export const CARDS_PER_CALL = 100;

const unavailable = (detail: string) =>
  new AppError('unavailable', `Products cannot be read right now (${detail}); retry.`, {
    code: 'catalog_unavailable',
    retryAfter: 1,
  });

function itemsOf(result: ServiceResult<{ items: ProductCard[] }>): ProductCard[] {
  if (result.ok) return result.body.items.map(cardOf);
  throw unavailable(result.kind === 'problem' ? `catalog answered ${result.status}` : result.error);
}

export function createCatalogClient(options: CatalogClientOptions): CatalogClient {
  const client = createServiceClient({
    service: 'catalog',
    caller: 'engagement',
    baseUrl: options.baseUrl,
    signingKey: options.signingKey,
    timeoutMs: options.timeoutMs,
    connections: 16,
  });
  return {
    async cards(ctx, productIds) {
      const cards: ProductCard[] = [];
      for (let i = 0; i < productIds.length; i += CARDS_PER_CALL) {
        const batch = productIds.slice(i, i + CARDS_PER_CALL);
        const result = await client.call<{ items: ProductCard[] }>(ctx, {
          method: 'POST',
          path: '/internal/products/cards',
          body: { productIds: batch },
          idempotent: true,
        });
        cards.push(...itemsOf(result));
      }
      return cards;
    },
    async similar(ctx, productId, limit) {
      const result = await client.call<{ items: ProductCard[] }>(ctx, {
        method: 'GET',
        path: `/internal/products/${encodeURIComponent(productId)}/similar?limit=${limit}`,
        idempotent: true,
      });
      return itemsOf(result);
    },
    close: () => client.close(),
  };
}
