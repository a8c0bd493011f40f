/**
 * Money math of a checkout, in integer minor units of the store's currency. The currency's
 * exponent (JPY 0, USD 2, KWD 3) is already in the units, so the same arithmetic serves all.
 */
export interface Totals {
  subtotal: number;
  shipping: number;
  tax: number;
  total: number;
}

export interface PricedLine {
  unitPrice: number;
  quantity: number;
}

export interface Rates {
  /** Basis points of the subtotal (825 = 8.25 %). */
  taxRateBps: number;
}

/** numerator / denominator rounded half up, exact for any size (BigInt): both non-negative. */
export function divideRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (numerator < 0n || denominator <= 0n) throw new RangeError('expects numerator >= 0 and denominator > 0');
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/** Tax of a subtotal at `bps` basis points, rounded half up to a minor unit. */
export function taxOf(subtotal: number, bps: number): number {
  return Number(divideRoundHalfUp(BigInt(subtotal) * BigInt(bps), 10_000n));
}

export function subtotalOf(lines: readonly PricedLine[]): number {
  return lines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0);
}

/** Subtotal, the carrier's shipping, tax on the subtotal, and their sum. */
export function orderTotals(lines: readonly PricedLine[], rates: Rates, shipping: number): Totals {
  const subtotal = subtotalOf(lines);
  const tax = taxOf(subtotal, rates.taxRateBps);
  return { subtotal, shipping, tax, total: subtotal + shipping + tax };
}
