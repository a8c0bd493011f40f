import type { Product, Variant } from '../data-access/catalog.client';
import type { SearchHit } from '../data-access/search.client';
import { productImageUrl } from './theme-engine';
import { currencyExponent } from './money';

/** What a product card shows. */
export interface ProductCard {
  id: string;
  slug: string;
  title: string;
  price: number;
  compare_at: number | null;
  currency: string;
  available: boolean;
  images: unknown[];
}

const isAvailable = (v: Variant) => v.available === true || (v.availableQuantity ?? 0) > 0;

export function toCard(product: Product): ProductCard {
  const cheapest = [...product.variants].sort((a, b) => a.price - b.price)[0];
  return {
    id: product.id,
    slug: product.slug,
    title: product.title,
    price: cheapest?.price ?? 0,
    compare_at: cheapest?.compareAtPrice ?? null,
    currency: cheapest?.currency ?? '',
    available: product.variants.some(isAvailable),
    images: product.images ?? [],
  };
}

export function hitToCard(hit: SearchHit): ProductCard {
  return {
    id: hit.id,
    slug: hit.slug,
    title: hit.title,
    price: hit.priceMin,
    compare_at: null,
    currency: hit.currency,
    available: hit.available,
    images: hit.image ? [hit.image] : [],
  };
}

/** The product page's product: variants with availability, the chosen one (`?variant=`). */
export function toProductPage(product: Product, variantId: unknown) {
  const variants = product.variants.map((v) => ({
    id: v.id,
    title: v.title,
    sku: v.sku,
    price: v.price,
    compare_at: v.compareAtPrice && v.compareAtPrice > v.price ? v.compareAtPrice : null,
    currency: v.currency,
    available: isAvailable(v),
  }));
  const selected =
    variants.find((v) => v.id === variantId) ?? variants.find((v) => v.available) ?? variants[0] ?? null;
  return {
    product: {
      id: product.id,
      slug: product.slug,
      title: product.title,
      description: product.description ?? '',
      images: product.images ?? [],
      option_label: product.options?.length ? product.options.join(' / ') : 'Option',
      variants,
    },
    selected_variant: selected,
  };
}

/** schema.org Product with one Offer per variant, prices in major units. */
export function productJsonLd(product: Product, origin: string, storeName: string): Record<string, unknown> {
  const url = `${origin}/products/${product.slug}`;
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.title,
    description: product.description || undefined,
    sku: product.variants[0]?.sku,
    image: `${origin}${productImageUrl(product)}`,
    url,
    brand: { '@type': 'Brand', name: storeName },
    offers: product.variants.map((v) => ({
      '@type': 'Offer',
      sku: v.sku,
      name: v.title,
      price: (v.price / 10 ** currencyExponent(v.currency)).toFixed(currencyExponent(v.currency)),
      priceCurrency: v.currency,
      availability: isAvailable(v) ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock',
      url: `${url}?variant=${encodeURIComponent(v.id)}`,
    })),
  };
}
