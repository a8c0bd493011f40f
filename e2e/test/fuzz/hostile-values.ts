import fc from 'fast-check';

// What an outsider can put in a query string, a path segment or a JSON body: random and unicode
// text, NUL bytes, numbers beyond int4/int8/double, impossible dates, and list cursors that are
// not base64, are base64 of bad JSON, or are well-formed JSON with values of the wrong type.

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

const LITERALS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '%00',
  '%',
  '..',
  "'; drop table products; --",
  '\\',
  '"',
  '2020-02-30',
  '2020-02-30T00:00:00Z',
  '0000-00-00',
  '99999-12-31T00:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e308',
  '1e400',
  '-0',
  '0x1f',
  '0b11',
  '2147483647',
  '2147483648',
  '-2147483649',
  '4294967296',
  '9007199254740993',
  '9223372036854775807',
  '9223372036854775808',
  '18446744073709551616',
  '1.5',
  '-1',
  '00001',
  ' 1',
  'true',
  'null',
  '[]',
  '{}',
  'prod_00000000000000000000000000',
  'cart_0000000000000000000000',
  'ord_zzzzzzzzzzzzzzzzzzzzzzzzzz',
  '00000000-0000-0000-0000-000000000000',
  '\ud800',
  '\u202e',
  '𝕗𝕦𝕫𝕫',
  'x'.repeat(5_000),
];

const dates = fc.oneof(
  fc.constantFrom('2020-02-30', '2020-13-01', '2020-02-30T25:61:00Z', '1970-01-01', 'x', '', '0'),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.string({ maxLength: 30 }),
);

const numbers = fc.oneof(
  fc.integer(),
  fc.constantFrom(2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1, 2 ** 53, 2 ** 63, 1e308, -1, 0, 0.5, -0.5),
  fc.double(),
);

const shortText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

/** A list cursor as an attacker forges it. */
export const hostileCursor: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 60 }),
  shortText.map(b64),
  fc.jsonValue({ maxDepth: 2 }).map((v) => b64(JSON.stringify(v) ?? 'null')),
  fc
    .tuple(
      fc.constantFrom(
        'newest',
        'price_asc',
        'price_desc',
        'admin',
        'export',
        'categories',
        'collections',
        'x',
      ),
      fc.oneof(dates, numbers, fc.constant(null), fc.array(fc.integer(), { maxLength: 2 })),
      fc.oneof(shortText, fc.integer(), fc.constant(null)),
    )
    .map((t) => b64(JSON.stringify(t))),
  fc.tuple(dates, shortText).map((t) => b64(JSON.stringify(t))),
  fc.oneof(shortText, numbers, fc.constant(null)).map((v) => b64(JSON.stringify({ v }))),
  shortText.map((s) => b64(s)),
  fc.constantFrom(b64('["newest","2020-02-30","x"]'), b64('["price_asc",2147483648,"x"]'), b64('\u0000')),
);

/** One text value (query parameter, path segment, or string in a body). */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...LITERALS) },
  { weight: 2, arbitrary: shortText },
  { weight: 1, arbitrary: numbers.map(String) },
  { weight: 1, arbitrary: fc.bigInt().map(String) },
  { weight: 1, arbitrary: hostileCursor },
  { weight: 1, arbitrary: fc.uuid() },
);

/** One JSON value where the route expects something else (or the right thing, broken). */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileText },
  { weight: 2, arbitrary: numbers },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.array(hostileText, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), hostileText, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** A query value: one, repeated (`k=a&k=b`), or nested (`k[x]=a`). */
export type QueryValue = string | string[] | Record<string, string>;

export function queryValue(good: readonly string[]): fc.Arbitrary<QueryValue> {
  const one = good.length > 0 ? fc.oneof(fc.constantFrom(...good), hostileText) : hostileText;
  return fc.oneof(
    { weight: 6, arbitrary: one },
    { weight: 1, arbitrary: fc.array(one, { minLength: 2, maxLength: 3 }) },
    {
      weight: 1,
      arbitrary: fc.dictionary(fc.constantFrom('a', 'gt', '0', '__proto__'), one, { maxKeys: 2 }),
    },
  );
}

/**
 * Percent-encodes like encodeURIComponent, except that a lone surrogate (which it refuses) is sent
 * as the invalid UTF-8 bytes an attacker would send instead.
 */
export function percentEncode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return Array.from(value, (c) => (/[\ud800-\udfff]/.test(c) ? '%ED%A0%80' : encodeURIComponent(c))).join(
      '',
    );
  }
}

export function encodeQuery(query: Record<string, QueryValue>): string {
  const parts: string[] = [];
  const e = percentEncode;
  for (const [key, value] of Object.entries(query)) {
    if (typeof value === 'string') parts.push(`${e(key)}=${e(value)}`);
    else if (Array.isArray(value)) for (const v of value) parts.push(`${e(key)}=${e(v)}`);
    else for (const [k, v] of Object.entries(value)) parts.push(`${e(key)}[${e(k)}]=${e(v)}`);
  }
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** Bodies JSON.stringify cannot make: numbers beyond a double, broken JSON, deep nesting. */
export function rawBodies(fields: readonly string[]): fc.Arbitrary<string> {
  const field = fields.length > 0 ? fc.constantFrom(...fields) : fc.constant('x');
  return fc.oneof(
    field.map((f) => `{"${f}": 1e400}`),
    field.map((f) => `{"${f}": 99999999999999999999999999999}`),
    field.map((f) => `{"${f}": -0.0000000000000000000001}`),
    field.map((f) => `{"${f}": "\\u0000"}`),
    field.map((f) => `{"${f}": "\\ud800"}`),
    field.map((f) => `{"${f}": `),
    fc.constantFrom(
      '',
      'null',
      '[]',
      '"text"',
      '42',
      '{',
      '{"a":1,"a":2}',
      '['.repeat(5_000),
      '{"__proto__":{"x":1}}',
    ),
    fc.string({ maxLength: 40 }),
  );
}
