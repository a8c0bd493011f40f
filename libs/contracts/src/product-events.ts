/**
 * The product document as catalog publishes it in `product.created` / `product.updated`: whole,
 * so consumers (search, usage) never call back. `version` grows with every change of the product;
 * consumers keep the newest and drop older ones.
 */
export interface ProductDocument {
  id: string;
  slug: string;
  title: string;
  description: string;
  status: 'draft' | 'active' | 'archived';
  categoryIds: string[];
  collectionIds: string[];
  images: string[];
  variants: ProductVariantDocument[];
  /** Lowest and highest variant price, minor units, in `currency` (the store's currency). */
  priceMin: number;
  priceMax: number;
  currency: string;
  /** True when any variant can be bought now. */
  available: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface ProductVariantDocument {
  id: string;
  sku: string;
  title: string;
  price: number;
  currency: string;
  compareAtPrice: number | null;
  /** Units that can be sold now (on hand minus reserved), as last known to catalog. */
  available: number;
  options: Record<string, string>;
}

export const PRODUCT_EVENTS = {
  created: 'product.created',
  updated: 'product.updated',
  deleted: 'product.deleted',
} as const;

export interface ProductChanged {
  product: ProductDocument;
}

export interface ProductDeleted {
  id: string;
  version: number;
}
