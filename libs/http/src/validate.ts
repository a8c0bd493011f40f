import type { Request } from 'express';
import type { z } from 'zod';
import { validationError } from '@fleet/errors';

interface NamedIssue {
  path: PropertyKey[];
  message: string;
}

/** An unknown key (strict schemas) is reported at its own path rather than at its parent. */
function nameFields(issues: ReadonlyArray<z.core.$ZodIssue>): NamedIssue[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: [...issue.path, key], message: 'Unrecognized key.' }))
      : [{ path: issue.path, message: issue.message }],
  );
}

/** Where the value holds a NUL character (in a string or a key), at most 20 places. */
function nulPaths(value: unknown, path: PropertyKey[] = [], found: NamedIssue[] = []): NamedIssue[] {
  if (found.length >= 20) return found;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push({ path, message: 'must not contain NUL characters' });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => nulPaths(item, [...path, i], found));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) found.push({ path, message: 'must not have a key with NUL characters' });
      nulPaths(item, [...path, key], found);
    }
  }
  return found;
}

/**
 * Parses with the schema, after refusing NUL characters anywhere in the value: PostgreSQL can
 * store none in text or jsonb, so one would otherwise fail in the database (a 500), not here.
 */
function parse<S extends z.ZodType>(schema: S, value: unknown, detail: string): z.output<S> {
  const nul = nulPaths(value);
  if (nul.length > 0) throw validationError(nul, detail);
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(nameFields(result.error.issues), detail);
  return result.data;
}

/** Parses `req.body`; throws a 400 naming every bad field in `errors: [{path, message}]`. */
export function parseBody<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  return parse(schema, req.body, 'The request body is invalid.');
}

/** Parses `req.query` (strings: use `z.coerce` for numbers); throws a 400 like `parseBody`. */
export function parseQuery<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  return parse(schema, req.query, 'The query string is invalid.');
}

/** Parses `req.params`; throws a 400 like `parseBody`. */
export function parseParams<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  return parse(schema, req.params, 'The path parameters are invalid.');
}
