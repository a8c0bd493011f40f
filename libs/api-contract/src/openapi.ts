import { z } from 'zod';
import type { Operation } from './operation';
import { ERROR_MEANING, problem } from './problem';

type JsonSchema = Record<string, unknown>;

const DOORS: Record<Operation['door'], string> = {
  apex: 'the apex host `{PLATFORM_DOMAIN}`',
  console: 'the console host `console.{PLATFORM_DOMAIN}`',
  store: 'a store host `{slug}.{PLATFORM_DOMAIN}` or a verified custom domain',
};

/** Errors any operation may answer: rate limits everywhere, and those of its kind of caller. */
function errorStatuses(op: Operation): number[] {
  const all = new Set<number>(op.errors);
  all.add(429);
  if (op.params || op.query || op.body) all.add(400);
  if (op.auth !== 'public') all.add(401);
  if (op.auth !== 'public' && op.auth !== 'session') all.add(403);
  if (op.body) all.add(413);
  return [...all].sort((a, b) => a - b);
}

/** Who may call it, where OpenAPI 3.1 puts it: the operation's `security` (roles as scopes). */
function securityOf(op: Operation): Array<Record<string, string[]>> {
  switch (op.auth) {
    case 'public':
      return [{}, { bearer: [] }];
    case 'session':
      return [{ session: [] }];
    default:
      return [{ bearer: [op.auth] }];
  }
}

/**
 * JSON Schema (2020-12, OpenAPI 3.1's dialect) of a zod schema. Requests are described as the
 * client sends them (`io: 'input'`: defaults optional, transforms by their input); responses as
 * the server writes them. Refinements across fields have no JSON Schema: they are enforced by
 * the route and named in the 400's `errors`.
 */
export function jsonSchemaOf(
  schema: z.ZodType,
  io: 'input' | 'output',
  defs: Record<string, JsonSchema>,
  prefix: string,
): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  delete json.$schema;
  const local = (json.$defs ?? {}) as Record<string, JsonSchema>;
  delete json.$defs;
  const rename = (name: string) => `${prefix}_${name}`;
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (!node || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        out.$ref =
          value === '#'
            ? `#/components/schemas/${prefix}`
            : value.replace(/^#\/\$defs\/(.+)$/, (_m, n: string) => `#/components/schemas/${rename(n)}`);
      } else out[key] = rewrite(value);
    }
    return out;
  };
  for (const [name, def] of Object.entries(local)) defs[rename(name)] = rewrite(def) as JsonSchema;
  const root = rewrite(json) as JsonSchema;
  if (JSON.stringify(root).includes(`"#/components/schemas/${prefix}"`)) {
    defs[prefix] = root;
    return { $ref: `#/components/schemas/${prefix}` };
  }
  return root;
}

function parameters(op: Operation, defs: Record<string, JsonSchema>, name: string): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const [where, schema] of [
    ['path', op.params],
    ['query', op.query],
  ] as const) {
    if (!schema) continue;
    const json = jsonSchemaOf(schema, 'input', defs, `${name}_${where}`);
    const required = new Set((json.required as string[] | undefined) ?? []);
    for (const [param, property] of Object.entries((json.properties ?? {}) as Record<string, JsonSchema>)) {
      const { description, ...rest } = property;
      out.push({
        name: param,
        in: where,
        required: where === 'path' || required.has(param),
        ...(typeof description === 'string' ? { description } : {}),
        schema: rest,
      });
    }
  }
  if (op.idempotencyKey) {
    out.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: op.idempotencyKey === 'required',
      description: 'The same key with the same body returns the first answer; with another body, 409.',
      schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,255}$' },
    });
  }
  return out;
}

function operationObject(name: string, op: Operation, defs: Record<string, JsonSchema>): JsonSchema {
  const responses: Record<string, unknown> = {};
  for (const status of [op.status, ...(op.alsoStatus ?? [])]) {
    responses[String(status)] = op.response
      ? {
          description: status === op.status ? op.summary : 'The same body (see the summary)',
          content: {
            [op.responseType ?? 'application/json']: {
              schema: jsonSchemaOf(op.response, 'output', defs, `${name}_response`),
            },
          },
        }
      : { description: 'No content' };
  }
  for (const status of errorStatuses(op))
    responses[String(status)] = { $ref: `#/components/responses/Problem${status}` };
  const body = op.body
    ? {
        requestBody: {
          required: !op.bodyOptional,
          content: {
            [op.bodyType ?? 'application/json']: {
              schema: jsonSchemaOf(op.body, 'input', defs, `${name}_body`),
            },
          },
        },
      }
    : {};
  return {
    operationId: name,
    summary: op.summary,
    description: [op.description, `Served on ${DOORS[op.door]}.`].filter(Boolean).join(' '),
    tags: [...op.tags],
    'x-fleet-door': op.door,
    'x-fleet-auth': op.auth,
    security: securityOf(op),
    parameters: parameters(op, defs, name),
    ...body,
    responses,
  };
}

/** The public API as an OpenAPI 3.1 document, one entry per operation of the contract. */
export function openApiDocument(operations: Record<string, Operation>, version = '0.1.0'): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  const defs: Record<string, JsonSchema> = {};
  for (const [name, op] of Object.entries(operations)) {
    (paths[op.path] ??= {})[op.method] = operationObject(name, op, defs);
  }
  const problemResponses = Object.fromEntries(
    Object.entries(ERROR_MEANING).map(([status, meaning]) => [
      `Problem${status}`,
      {
        description: meaning,
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      },
    ]),
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'Fleet public API',
      version,
      description:
        'Every request is routed by its Host header: the apex, the console, or a store host. Errors are ' +
        'application/problem+json (RFC 9457). Money is integer minor units with an ISO 4217 currency. ' +
        'Lists are {items, nextCursor}. Request schemas are strict: an unknown field is a 400 naming it.',
    },
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    tags: [...new Set(Object.values(operations).flatMap((op) => op.tags))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'Scopes name the role needed.',
        },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'fleet_rt',
          description: 'The web apps’ HttpOnly session cookie; calls also send `x-csrf: 1`.',
        },
      },
      schemas: { Problem: jsonSchemaOf(problem, 'output', defs, 'Problem'), ...defs },
      responses: problemResponses,
    },
  };
}
