const exponents = new Map<string, number>();

/** Digits after the point in `currency` (JPY 0, USD 2, KWD 3), as Intl knows it. */
export function currencyExponent(currency: string): number {
  let exponent = exponents.get(currency);
  if (exponent === undefined) {
    try {
      exponent =
        new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
          .maximumFractionDigits ?? 2;
    } catch {
      exponent = 2;
    }
    if (exponents.size < 500) exponents.set(currency, exponent);
  }
  return exponent;
}

const formats = new Map<string, Intl.NumberFormat>();

/** `4500, 'USD'` -> `$45.00`: integer minor units in the currency's own exponent. */
export function formatMoney(minor: unknown, currency: unknown): string {
  if (typeof minor !== 'number' || !Number.isFinite(minor)) return '';
  const code = typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) ? currency : 'USD';
  let format = formats.get(code);
  if (!format) {
    format = new Intl.NumberFormat('en', { style: 'currency', currency: code });
    if (formats.size < 500) formats.set(code, format);
  }
  return format.format(minor / 10 ** currencyExponent(code));
}
