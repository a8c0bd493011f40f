import { canonicalJson, checkoutIdFor, divideRoundHalfUp, orderTotals, taxOf } from '../src';
import { cartProblems } from '../src/domain/check-cart';

describe('tax rounds half up to a minor unit', () => {
  test.each([
    // [subtotal, bps, tax]
    [10_000, 825, 825], // USD 100.00 at 8.25 % = 8.25
    [1_999, 825, 165], // 164.9175 -> 165
    [1_000, 1_250, 125],
    [20, 250, 1], // 0.5 -> 1 (half up)
    [19, 250, 0], // 0.475 -> 0
    [0, 825, 0],
    [12_345, 0, 0],
  ])('%i at %i bps is %i', (subtotal, bps, tax) => {
    expect(taxOf(subtotal, bps)).toBe(tax);
  });

  test('JPY (no decimals): yen are the minor unit', () => {
    // ¥1,234 at 10 % = ¥123.4 -> ¥123; ¥1,235 at 10 % = ¥123.5 -> ¥124
    expect(orderTotals([{ unitPrice: 1_234, quantity: 1 }], { taxRateBps: 1_000 }, 500)).toEqual({
      subtotal: 1_234,
      shipping: 500,
      tax: 123,
      total: 1_857,
    });
    expect(taxOf(1_235, 1_000)).toBe(124);
  });

  test('KWD (three decimals): fils are the minor unit', () => {
    // 4.115 KWD x 3 = 12.345 KWD at 5 % = 0.61725 -> 0.617; at 8.25 % = 1.0184625 -> 1.018
    const lines = [{ unitPrice: 4_115, quantity: 3 }];
    expect(orderTotals(lines, { taxRateBps: 500 }, 1_500)).toEqual({
      subtotal: 12_345,
      shipping: 1_500,
      tax: 617,
      total: 14_462,
    });
    expect(taxOf(12_345, 825)).toBe(1_018);
    expect(taxOf(12_350, 500)).toBe(618); // 617.5 -> 618
  });

  test('sums lines and stays exact past 2^53 in the intermediate product', () => {
    // 100 lines of 99 units at the largest price: subtotal × bps is about 2^57.
    const lines = [
      ...Array.from({ length: 99 }, () => ({ unitPrice: 2_147_483_647, quantity: 99 })),
      { unitPrice: 1, quantity: 1 },
    ];
    const subtotal = 2_147_483_647 * 99 * 99 + 1;
    expect(BigInt(subtotal) * 9_999n).toBeGreaterThan(BigInt(Number.MAX_SAFE_INTEGER));
    const totals = orderTotals(lines, { taxRateBps: 9_999 }, 0);
    expect(totals.subtotal).toBe(subtotal);
    expect(BigInt(totals.tax)).toBe((BigInt(subtotal) * 9_999n * 2n + 10_000n) / 20_000n);
    expect(totals.total).toBe(totals.subtotal + totals.tax);
  });

  test('divideRoundHalfUp refuses negative amounts', () => {
    expect(divideRoundHalfUp(5n, 2n)).toBe(3n);
    expect(divideRoundHalfUp(4n, 2n)).toBe(2n);
    expect(() => divideRoundHalfUp(-1n, 2n)).toThrow(RangeError);
  });
});

describe('keys and fingerprints', () => {
  test('the canonical body ignores key order and undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: undefined }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"y":2}]},"b":1}',
    );
  });

  test('a checkout id depends on tenant and key only', () => {
    expect(checkoutIdFor('ten_a', 'k1')).toBe(checkoutIdFor('ten_a', 'k1'));
    expect(checkoutIdFor('ten_a', 'k1')).not.toBe(checkoutIdFor('ten_b', 'k1'));
    expect(checkoutIdFor('ten_a', 'k1')).toMatch(/^chk_[0-9a-f]{40}$/);
  });
});

describe('cart checks', () => {
  const line = (extra: Record<string, unknown> = {}) => ({
    variantId: 'var_1',
    productId: 'prod_1',
    title: 'Mug',
    variantTitle: 'Blue',
    sku: 'MUG-1',
    quantity: 1,
    unitPrice: 500,
    currency: 'USD',
    purchasable: true,
    ...extra,
  });
  const cart = (...items: ReturnType<typeof line>[]) => ({
    id: 'cart_x',
    items,
    currency: 'USD',
    customerId: null,
  });

  test('an empty cart, a vanished, unsellable or foreign-currency line are each named', () => {
    expect(cartProblems(cart(), 'USD')).toEqual([{ path: 'items', message: 'the cart is empty' }]);
    const problems = cartProblems(
      cart(
        line(),
        line({ variantId: 'var_2', productId: null, unitPrice: null }),
        line({ variantId: 'var_3', purchasable: false }),
        line({ variantId: 'var_4', currency: 'EUR' }),
      ),
      'USD',
    );
    expect(problems).toEqual([
      { path: 'items.1', message: 'variant var_2 no longer exists' },
      { path: 'items.2', message: 'variant var_3 is not for sale' },
      { path: 'items.3', message: 'variant var_4 is priced in EUR, not USD' },
    ]);
    expect(cartProblems(cart(line()), 'USD')).toEqual([]);
  });
});
