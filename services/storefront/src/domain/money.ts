import { currencyExponent } from '@fleet/liquid';

export { currencyExponent, formatMoney } from '@fleet/liquid';

/** A price typed by a shopper in major units (`12.5`) as minor units; undefined when not a price. */
export function parseMajorAmount(raw: unknown, currency: string): number | undefined {
  if (typeof raw !== 'string' || !/^\d{1,9}(\.\d{1,3})?$/.test(raw.trim())) return undefined;
  return Math.round(Number(raw.trim()) * 10 ** currencyExponent(currency));
}

/** Minor units as a plain major-unit number for form fields (`4500` -> `45`). */
export function toMajor(minor: number | undefined, currency: string): string {
  if (minor === undefined) return '';
  return String(minor / 10 ** currencyExponent(currency));
}
