import type { VariantInfo } from '@fleet/contracts';
import { lineIdOf } from '../src';
import { cartView } from '../src/domain/cart-view';

const info = (variantId: string, extra: Partial<VariantInfo> = {}): VariantInfo => ({
  variantId,
  productId: 'prod_1',
  productTitle: 'Mug',
  productSlug: 'mug',
  title: 'Blue',
  sku: `SKU-${variantId}`,
  price: 1000,
  currency: 'USD',
  available: 3,
  purchasable: true,
  image: null,
  ...extra,
});

const cart = (...lines: Array<[string, number]>) => ({
  id: 'cart_x',
  customerId: null,
  createdAt: 0,
  lines: lines.map(([variantId, quantity], i) => ({
    lineId: lineIdOf(variantId),
    variantId,
    quantity,
    addedAt: i,
  })),
});

test('lines are priced from the lookup; stock short of the quantity is not available', () => {
  const view = cartView(
    cart(['v1', 2], ['v2', 4]),
    new Map([
      ['v1', info('v1')],
      ['v2', info('v2', { price: 250 })],
    ]),
  );
  expect(view).toMatchObject({ subtotal: 3000, currency: 'USD', itemCount: 6 });
  expect(view.items.map((i) => [i.lineTotal, i.available, i.availableQuantity])).toEqual([
    [2000, true, 3],
    [1000, false, 3],
  ]);
});

test('a vanished variant stays as an unpriced line; a foreign currency is not purchasable', () => {
  const view = cartView(
    cart(['gone', 1], ['v1', 1], ['v3', 1]),
    new Map([
      ['v1', info('v1', { currency: 'JPY', price: 500 })],
      ['v3', info('v3', { currency: 'USD' })],
    ]),
  );
  expect(view.currency).toBe('JPY');
  expect(view.subtotal).toBe(500);
  expect(view.items.map((i) => [i.variantId, i.unitPrice, i.purchasable])).toEqual([
    ['gone', null, false],
    ['v1', 500, true],
    ['v3', 1000, false],
  ]);
});

test('line ids follow from the variant', () => {
  expect(lineIdOf('var_1')).toBe(lineIdOf('var_1'));
  expect(lineIdOf('var_1')).toMatch(/^li_[A-Za-z0-9_-]{16}$/);
  expect(lineIdOf('var_1')).not.toBe(lineIdOf('var_2'));
});
