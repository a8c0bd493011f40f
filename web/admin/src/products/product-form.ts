import { toMajorText, toMinor } from '@fleet/web-common';
import type { Product, Variant } from '../api';

/** A variant as typed in the form: amounts in major units, as people write them. */
export interface VariantDraft {
  id?: string;
  sku: string;
  title: string;
  option: string;
  price: string;
  compareAt: string;
  otherPrices: string;
  stock: string;
}

export interface ProductDraft {
  title: string;
  description: string;
  status: 'draft' | 'active' | 'archived';
  images: string;
  optionName: string;
  categoryIds: string[];
  collectionIds: string[];
  variants: VariantDraft[];
}

export const emptyVariant = (): VariantDraft => ({
  sku: '',
  title: '',
  option: '',
  price: '',
  compareAt: '',
  otherPrices: '',
  stock: '0',
});

export function draftOf(p: Product | undefined): ProductDraft {
  if (!p) {
    return {
      title: '',
      description: '',
      status: 'active',
      images: '',
      optionName: '',
      categoryIds: [],
      collectionIds: [],
      variants: [emptyVariant()],
    };
  }
  const optionName = p.options?.[0] ?? '';
  return {
    title: p.title,
    description: p.description ?? '',
    status: p.status,
    images: (p.images ?? []).join('\n'),
    optionName,
    categoryIds: p.categoryIds ?? [],
    collectionIds: p.collectionIds ?? [],
    variants: p.variants.map((v) => ({
      id: v.id,
      sku: v.sku,
      title: v.title,
      option: optionName ? (v.options?.[optionName] ?? '') : '',
      price: toMajorText(v.price, v.currency),
      compareAt: toMajorText(v.compareAtPrice, v.currency),
      otherPrices: (v.prices ?? [])
        .map((x) => `${x.currency} ${toMajorText(x.amount, x.currency)}`)
        .join(', '),
      stock: '',
    })),
  };
}

/** "EUR 17.99, GBP 15" → [{currency, amount}]; what cannot be read is sent as is for the API to name. */
function otherPrices(text: string): Variant['prices'] {
  const parts = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length === 0) return undefined;
  return parts.map((part) => {
    const [currency = '', amount = ''] = part.split(/\s+/);
    const code = currency.toUpperCase();
    return { currency: code, amount: toMinor(amount, code) ?? Number.NaN };
  });
}

/**
 * The API's body. Amounts that are not numbers go as NaN → null, so the API names the field;
 * `stock` only for new variants (an existing variant's units belong to inventory).
 */
export function bodyOf(d: ProductDraft, currency: string): Record<string, unknown> {
  const optionName = d.optionName.trim();
  return {
    title: d.title,
    description: d.description,
    status: d.status,
    images: d.images
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean),
    categoryIds: d.categoryIds,
    collectionIds: d.collectionIds,
    options: optionName ? [optionName] : [],
    variants: d.variants.map((v) => {
      const body: Record<string, unknown> = {
        sku: v.sku,
        title: v.title,
        price: toMinor(v.price, currency) ?? null,
        currency,
        compareAtPrice: v.compareAt.trim() ? (toMinor(v.compareAt, currency) ?? -1) : null,
      };
      if (optionName) body.options = { [optionName]: v.option };
      const prices = otherPrices(v.otherPrices);
      if (prices)
        body.prices = prices.map((p) => ({ ...p, amount: Number.isNaN(p.amount) ? null : p.amount }));
      if (!v.id) body.stock = Number.parseInt(v.stock || '0', 10);
      return body;
    }),
  };
}
