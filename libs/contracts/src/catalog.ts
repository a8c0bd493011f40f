/**
 * Catalog's internal lookup for carts and checkout: `POST /internal/variants/lookup` with a
 * service actor and the tenant in the signed context. Prices come from here, never the client.
 */
export interface VariantLookupRequest {
  variantIds: string[];
}

export interface VariantInfo {
  variantId: string;
  productId: string;
  productTitle: string;
  productSlug: string;
  title: string;
  sku: string;
  /** Minor units of `currency`. */
  price: number;
  currency: string;
  /** Units sellable now, as last known to catalog (inventory has the final word at reserve). */
  available: number;
  /** The product is `active`: only active products can be bought. */
  purchasable: boolean;
  image: string | null;
}

/** Unknown ids (or another tenant's) are simply absent from `items`. */
export interface VariantLookupResponse {
  items: VariantInfo[];
}
