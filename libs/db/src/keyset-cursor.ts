import { AppError } from '@fleet/errors';

/**
 * Opaque keyset cursors: base64url of a JSON array of the last row's sort values. A cursor comes
 * back from clients, so every value is checked to be one Postgres accepts for its column before
 * it reaches SQL: an impossible date, an integer beyond int4 or a string with a NUL byte would
 * otherwise fail in Postgres (a 500), not here (a 400 naming `cursor`).
 */
export type CursorField =
  /** Exactly this string (ties a cursor to the listing and sort that issued it). */
  | { tag: string }
  /** A UTC timestamp as `Date.toISOString()` writes it (what listings issue). */
  | 'timestamp'
  /** An integer that fits Postgres `int` (int4). */
  | 'int4'
  /** A row id: 1-64 characters of letters, digits, `_` and `-`. */
  | 'id'
  /** Always null (a listing ordered by id alone). */
  | 'null';

type Decoded<F> = F extends 'timestamp' | 'id'
  ? string
  : F extends 'int4'
    ? number
    : F extends 'null'
      ? null
      : string;

export type DecodedCursor<S extends readonly CursorField[]> = { -readonly [I in keyof S]: Decoded<S[I]> };

const INT4_MAX = 2_147_483_647;
const ISO_UTC = /^(\d{4})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A real instant in years 1-9999 written exactly as toISOString() writes it (no 2020-02-30). */
export function isIsoTimestamp(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_UTC.exec(value);
  if (!match || Number(match[1]) < 1) return false;
  const time = Date.parse(value);
  return !Number.isNaN(time) && new Date(time).toISOString() === value;
}

export const isInt4 = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= -INT4_MAX - 1 && (value as number) <= INT4_MAX;

function fits(field: CursorField, value: unknown): boolean {
  if (typeof field === 'object') return value === field.tag;
  switch (field) {
    case 'timestamp':
      return isIsoTimestamp(value);
    case 'int4':
      return isInt4(value);
    case 'id':
      return typeof value === 'string' && ID.test(value);
    case 'null':
      return value === null;
  }
}

export function encodeKeysetCursor(values: ReadonlyArray<string | number | null>): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** The 400 every listing answers for a cursor it did not issue. */
export function invalidCursor(): AppError {
  return new AppError('validation', 'The cursor is not one this listing issued.', {
    code: 'invalid_cursor',
    errors: [{ path: 'cursor', message: 'is invalid for this listing' }],
  });
}

/** The cursor's values, each checked against its field; anything else is a 400 naming `cursor`. */
export function decodeKeysetCursor<const S extends readonly CursorField[]>(
  cursor: string,
  fields: S,
): DecodedCursor<S> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(value) || value.length !== fields.length) throw invalidCursor();
  if (!fields.every((field, i) => fits(field, value[i]))) throw invalidCursor();
  return value as DecodedCursor<S>;
}
