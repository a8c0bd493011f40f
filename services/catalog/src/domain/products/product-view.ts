import type { ProductDocument, ProductVariantDocument } from '@fleet/contracts';

/** A variant as the admin API and events show it: the contract plus catalog's own details. */
export interface VariantView extends ProductVariantDocument {
  weightGrams: number | null;
  position: number;
  /** Prices in other currencies than `currency`. */
  prices: Array<{ currency: string; amount: number }>;
}

/**
 * A product as the admin API and `product.*` events show it: the `ProductDocument` contract
 * (unchanged) plus fields it does not have.
 */
export interface ProductView extends ProductDocument {
  variants: VariantView[];
  seo: { title: string | null; description: string | null };
  /** Option names, e.g. `["Size", "Colour"]`; variants' `options` use them as keys. */
  options: string[];
}
