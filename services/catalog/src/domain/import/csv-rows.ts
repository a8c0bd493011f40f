import { AppError, type FieldError } from '@fleet/errors';
import { isCurrency, MAX_AMOUNT, parseMajorAmount } from '../money';
import { SLUG_MAX, SLUG_PATTERN } from '../slug';

export const CSV_COLUMNS = [
  'handle',
  'title',
  'description',
  'status',
  'category',
  'variant_sku',
  'variant_title',
  'price',
  'currency',
  'stock',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
const REQUIRED: readonly CsvColumn[] = ['handle', 'title', 'variant_sku', 'price', 'currency'];
const STATUSES = ['draft', 'active', 'archived'] as const;

/** Column -> position, from the header row (any order; unknown or missing columns are a 400). */
export type CsvHeader = { width: number; index: Map<CsvColumn, number> };

export function readHeader(fields: readonly string[]): CsvHeader {
  const names = fields.map((f) => f.trim().toLowerCase());
  const errors: FieldError[] = [];
  names.forEach((name, i) => {
    if (!(CSV_COLUMNS as readonly string[]).includes(name))
      errors.push({ path: `header.${i}`, message: `"${name}" is not a known column` });
    else if (names.indexOf(name) !== i)
      errors.push({ path: `header.${i}`, message: `"${name}" is repeated` });
  });
  for (const column of REQUIRED) {
    if (!names.includes(column))
      errors.push({ path: 'header', message: `the column "${column}" is missing` });
  }
  if (errors.length) {
    throw new AppError('validation', `The CSV header must name the columns ${CSV_COLUMNS.join(',')}.`, {
      code: 'invalid_csv_header',
      errors,
    });
  }
  return { width: names.length, index: new Map(names.map((n, i) => [n as CsvColumn, i])) };
}

/** One valid row: a variant, plus product fields that may be blank after a product's first row. */
export interface CsvRow {
  row: number;
  handle: string;
  title: string;
  description: string;
  status: (typeof STATUSES)[number] | undefined;
  category: string;
  sku: string;
  variantTitle: string;
  price: number;
  currency: string;
  stock: number;
}

/** Checks one row on its own; errors name the CSV columns. */
export function parseRow(
  header: CsvHeader,
  fields: readonly string[],
  row: number,
): { ok: true; value: CsvRow } | { ok: false; errors: FieldError[] } {
  if (fields.length !== header.width) {
    return {
      ok: false,
      errors: [{ path: '(row)', message: `has ${fields.length} fields, the header ${header.width}` }],
    };
  }
  const get = (c: CsvColumn) => {
    const i = header.index.get(c);
    return i === undefined ? '' : (fields[i] ?? '').trim();
  };
  const errors: FieldError[] = [];
  const fail = (path: CsvColumn, message: string) => errors.push({ path, message });
  const [handle, sku, currency, status] = [
    get('handle'),
    get('variant_sku'),
    get('currency').toUpperCase(),
    get('status'),
  ];
  if (handle.length > SLUG_MAX || !SLUG_PATTERN.test(handle))
    fail('handle', 'must be lower-case words joined by hyphens');
  if (!sku || sku.length > 64 || /\s/.test(sku))
    fail('variant_sku', 'is required: 1-64 characters without spaces');
  if (!isCurrency(currency)) fail('currency', 'is not a supported ISO 4217 currency code such as USD');
  const price = isCurrency(currency) ? parseMajorAmount(get('price'), currency) : { amount: 0 };
  if ('error' in price) fail('price', price.error);
  const stockText = get('stock') || '0';
  if (!/^\d{1,10}$/.test(stockText) || Number(stockText) > MAX_AMOUNT)
    fail('stock', 'must be a whole number of units');
  if (status && !(STATUSES as readonly string[]).includes(status))
    fail('status', 'must be draft, active or archived');
  for (const [column, max] of [
    ['title', 200],
    ['variant_title', 200],
    ['category', 100],
    ['description', 50_000],
  ] as const) {
    if (get(column).length > max) fail(column, `must be at most ${max} characters`);
  }
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      row,
      handle,
      sku,
      currency,
      title: get('title'),
      description: get('description'),
      status: (status || undefined) as CsvRow['status'],
      category: get('category'),
      variantTitle: get('variant_title'),
      price: 'amount' in price ? price.amount : 0,
      stock: Number(stockText),
    },
  };
}
