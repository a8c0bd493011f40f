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

function parse<S extends z.ZodType>(schema: S, value: unknown, detail: string): z.output<S> {
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
