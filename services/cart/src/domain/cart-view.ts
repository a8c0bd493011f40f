import type { VariantInfo } from '@fleet/contracts';
import type { StoredCart, StoredLine } from './cart';

/** One line as the shopper sees it, priced from catalog at the time of the request. */
export interface CartItemView {
  id: string;
  variantId: string;
  /** Null (with `title`, `sku`, `unitPrice`, `currency`) when the variant no longer exists. */
  productId: string | null;
  title: string | null;
  variantTitle: string | null;
  sku: string | null;
  image: string | null;
  quantity: number;
  unitPrice: number | null;
  lineTotal: number;
  currency: string | null;
  /** The product is for sale (active). */
  purchasable: boolean;
  /** For sale and the units asked for are in stock, as catalog last knew. */
  available: boolean;
  availableQuantity: number;
}

export interface CartView {
  id: string;
  items: CartItemView[];
  /** Minor units of `currency`: the sum of the priced lines. */
  subtotal: number;
  /** The currency of the first priced line; null while nothing is priced (an empty cart). */
  currency: string | null;
  /** Units in the cart (the sum of quantities). */
  itemCount: number;
}

function itemView(line: StoredLine, info: VariantInfo | undefined, currency: string | null): CartItemView {
  const base = { id: line.lineId, variantId: line.variantId, quantity: line.quantity };
  if (!info) {
    return {
      ...base,
      productId: null,
      title: null,
      variantTitle: null,
      sku: null,
      image: null,
      unitPrice: null,
      lineTotal: 0,
      currency: null,
      purchasable: false,
      available: false,
      availableQuantity: 0,
    };
  }
  // A line in another currency than the cart's cannot be bought with it (catalog keeps one per store).
  const purchasable = info.purchasable && info.currency === currency;
  return {
    ...base,
    productId: info.productId,
    title: info.productTitle,
    variantTitle: info.title,
    sku: info.sku,
    image: info.image,
    unitPrice: info.price,
    lineTotal: info.price * line.quantity,
    currency: info.currency,
    purchasable,
    available: purchasable && info.available >= line.quantity,
    availableQuantity: Math.max(0, info.available),
  };
}

/** Prices a stored cart with catalog's current answer (pure: no I/O). */
export function cartView(cart: StoredCart, variants: ReadonlyMap<string, VariantInfo>): CartView {
  const firstPriced = cart.lines.map((l) => variants.get(l.variantId)).find((v) => v !== undefined);
  const currency = firstPriced?.currency ?? null;
  const items = cart.lines.map((line) => itemView(line, variants.get(line.variantId), currency));
  return {
    id: cart.id,
    items,
    subtotal: items.reduce((sum, i) => (i.currency === currency ? sum + i.lineTotal : sum), 0),
    currency,
    itemCount: items.reduce((sum, i) => sum + i.quantity, 0),
  };
}
