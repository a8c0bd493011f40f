/**
 * Money is an integer in minor units of its currency: cents for USD (exponent 2), yen for JPY (0),
 * fils for KWD (3). The table holds the currencies a store may sell in (ISO 4217 exponents).
 */
const EXPONENTS: Readonly<Record<string, number>> = {
  ...Object.fromEntries(
    [
      'BIF',
      'CLP',
      'DJF',
      'GNF',
      'ISK',
      'JPY',
      'KMF',
      'KRW',
      'PYG',
      'RWF',
      'UGX',
      'VND',
      'VUV',
      'XAF',
      'XOF',
      'XPF',
    ].map((c) => [c, 0]),
  ),
  ...Object.fromEntries(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND'].map((c) => [c, 3])),
  ...Object.fromEntries(
    [
      'AED',
      'ARS',
      'AUD',
      'BDT',
      'BGN',
      'BRL',
      'CAD',
      'CHF',
      'CNY',
      'COP',
      'CZK',
      'DKK',
      'EGP',
      'EUR',
      'GBP',
      'HKD',
      'HUF',
      'IDR',
      'ILS',
      'INR',
      'KES',
      'LKR',
      'MAD',
      'MXN',
      'MYR',
      'NGN',
      'NOK',
      'NZD',
      'PEN',
      'PHP',
      'PKR',
      'PLN',
      'QAR',
      'RON',
      'SAR',
      'SEK',
      'SGD',
      'THB',
      'TRY',
      'TWD',
      'UAH',
      'USD',
      'ZAR',
    ].map((c) => [c, 2]),
  ),
};

/** The largest amount a price may have in minor units (fits a Postgres integer). */
export const MAX_AMOUNT = 2_147_483_647;

export function isCurrency(code: string): boolean {
  return Object.hasOwn(EXPONENTS, code);
}

export function currencyExponent(code: string): number | undefined {
  return isCurrency(code) ? EXPONENTS[code] : undefined;
}

/**
 * Converts a decimal amount in major units as people write it ("19.99", "1500", "0.125") into
 * minor units with the currency's exponent. Returns an error message when it does not fit:
 * more decimals than the currency has, a sign, a thousands separator, or too large.
 */
export function parseMajorAmount(text: string, currency: string): { amount: number } | { error: string } {
  const exponent = currencyExponent(currency);
  if (exponent === undefined) return { error: 'cannot be read without a supported currency' };
  const match = /^(\d{1,12})(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return { error: 'must be a decimal amount such as 19.99' };
  const [, whole = '', fraction = ''] = match;
  if (fraction.length > exponent) {
    return { error: `has more than ${exponent} decimal places, the most ${currency} allows` };
  }
  const amount = Number(whole + fraction.padEnd(exponent, '0'));
  if (amount > MAX_AMOUNT) return { error: 'is too large' };
  return { amount };
}

/** Minor units back to the decimal text `parseMajorAmount` reads: 1999 USD → "19.99", 1500 JPY → "1500". */
export function formatMajorAmount(amount: number, currency: string): string {
  const exponent = currencyExponent(currency) ?? 0;
  if (exponent === 0) return String(amount);
  const digits = String(amount).padStart(exponent + 1, '0');
  return `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}
