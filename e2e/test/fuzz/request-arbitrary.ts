import fc from 'fast-check';
import {
  encodeQuery,
  hostileJson,
  hostileText,
  percentEncode,
  queryValue,
  rawBodies,
  type QueryValue,
} from './hostile-values';
import type { PublicRoute } from './public-routes';

/** One generated request: path (params filled in, query appended), headers and raw body. */
export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | undefined;
}

const CONTENT_TYPES = [
  'application/json',
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'text/plain',
  'application/x-www-form-urlencoded',
  'text/csv',
];

/** Header values must be visible ASCII to be sent at all: the rest is replaced. */
const headerSafe = (value: string) => value.replace(/[^\x20-\x7e]/g, '?').slice(0, 1_000);

const one = (good: readonly unknown[]) =>
  good.length > 0 ? fc.oneof(fc.constantFrom(...good), hostileJson) : hostileJson;

function bodyOf(route: PublicRoute): fc.Arbitrary<string | undefined> {
  const fields = route.body ?? {};
  const names = Object.keys(fields);
  const shaped = fc
    .tuple(
      fc.record(Object.fromEntries(names.map((n) => [n, one(fields[n] ?? [])])), { requiredKeys: [] }),
      fc.dictionary(fc.string({ maxLength: 10 }), hostileJson, { maxKeys: 2 }),
      fc.boolean(),
    )
    .map(([known, extra, withExtra]) => JSON.stringify(withExtra ? { ...extra, ...known } : known));
  const sent = fc.oneof(
    { weight: 6, arbitrary: shaped },
    { weight: 1, arbitrary: hostileJson.map((v) => JSON.stringify(v) ?? 'null') },
    { weight: 1, arbitrary: rawBodies(names) },
  );
  if (route.body === undefined) return fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, sent);
  return sent;
}

function queryOf(route: PublicRoute): fc.Arbitrary<string> {
  const known = route.query ?? {};
  const record = fc.record(
    Object.fromEntries(Object.entries(known).map(([k, good]) => [k, queryValue(good)])),
    { requiredKeys: [] },
  ) as fc.Arbitrary<Record<string, QueryValue>>;
  const extra = fc.dictionary(fc.string({ maxLength: 8 }), queryValue([]), { maxKeys: 2 });
  return fc
    .tuple(record, extra, fc.nat(9))
    .map(([q, e, roll]) => encodeQuery(roll === 0 ? { ...e, ...q } : q));
}

function pathOf(route: PublicRoute): fc.Arbitrary<string> {
  const names = Object.keys(route.params ?? {});
  const values = names.map((n) => {
    const good = route.params?.[n] ?? [];
    return good.length > 0
      ? fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...good) }, { weight: 3, arbitrary: hostileText })
      : hostileText;
  });
  return fc
    .tuple(...values)
    .map((filled) =>
      names.reduce((p, n, i) => p.replace(`:${n}`, percentEncode(filled[i] ?? '')), route.path),
    );
}

function headersOf(route: PublicRoute): fc.Arbitrary<Record<string, string>> {
  const known = route.headers ?? {};
  const named = fc.record(
    Object.fromEntries(
      Object.entries(known).map(([h, good]) => [
        h,
        fc.oneof(fc.constantFrom(...good), hostileText.map(headerSafe)),
      ]),
    ),
    { requiredKeys: [] },
  ) as fc.Arbitrary<Record<string, string>>;
  return fc
    .tuple(named, fc.constantFrom(...CONTENT_TYPES))
    .map(([h, type]) => ({ ...h, 'content-type': type }));
}

export function requestOf(route: PublicRoute): fc.Arbitrary<FuzzRequest> {
  return fc
    .tuple(pathOf(route), queryOf(route), headersOf(route), bodyOf(route))
    .map(([path, query, headers, body]) => ({
      method: route.method,
      path: `${path}${query}`,
      headers,
      body,
    }));
}
