/**
 * The product document as catalog publishes it in `product.created` / `product.updated`: whole,
 * so consumers (search, usage) never call back. `version` grows with every change of the product;
 * consumers keep the newest and drop older ones. Versions may skip: a change of units that leaves
 * every variant's sellability as it was bumps the version without an event.
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
  /** Visible reviews' mean rating and count (engagement's `review.summary_changed`). */
  rating?: { average: number | null; count: number };
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
  /**
   * Units that could be sold (on hand minus reserved) when this document was written. A change of
   * units alone writes no `product.updated`: catalog republishes when a variant becomes sellable
   * or stops being sellable (units > 0 or not), so between events this count may be behind;
   * whether the variant can be bought (`> 0`) is current. Catalog's storefront reads are exact.
   */
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
