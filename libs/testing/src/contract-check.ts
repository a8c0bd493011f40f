import { API_OPERATIONS, openApiDocument } from '@fleet/api-contract';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';

/**
 * Checks answers of documented operations against the OpenAPI document (`@fleet/api-contract`):
 * a success body against the operation's response schema (and its status among those declared),
 * any problem+json body against the shared Problem schema. `requestAs` runs it on every answer,
 * so every suite that talks to the gateway proves the document true.
 */
interface Route {
  method: string;
  pattern: RegExp;
  pointer: string;
  statuses: Set<number>;
  /** The success body's media type when it is not JSON (the CSV export). */
  otherType?: string;
}

const escape = (segment: string) => encodeURIComponent(segment.replaceAll('~', '~0').replaceAll('/', '~1'));

let compiled: { ajv: Ajv2020; routes: Route[] } | undefined;

function contract(): { ajv: Ajv2020; routes: Route[] } {
  if (compiled) return compiled;
  const document = openApiDocument(API_OPERATIONS) as {
    paths: Record<string, Record<string, { responses: Record<string, { content?: object }> }>>;
  };
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  ajv.addSchema(document, 'openapi');
  const routes: Route[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    const pattern = new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    for (const [method, op] of Object.entries(item)) {
      const statuses = new Set(
        Object.keys(op.responses)
          .map(Number)
          .filter((s) => s < 400),
      );
      const types = Object.values(op.responses).flatMap((r) => Object.keys(r.content ?? {}));
      routes.push({
        method: method.toUpperCase(),
        pattern,
        pointer: `openapi#/paths/${escape(path)}/${method}`,
        statuses,
        otherType: types.find((t) => t !== 'application/json' && t !== 'application/problem+json'),
      });
    }
  }
  // Literal paths first: `/api/admin/products/bulk` before `/api/admin/products/{id}`.
  routes.sort((a, b) => a.pattern.source.split('[^/]+').length - b.pattern.source.split('[^/]+').length);
  compiled = { ajv, routes };
  return compiled;
}

const validators = new Map<string, ValidateFunction>();
function validatorFor(ref: string): ValidateFunction {
  let validate = validators.get(ref);
  if (!validate) {
    validate = contract().ajv.compile({ $ref: ref });
    validators.set(ref, validate);
  }
  return validate;
}

export interface ContractAnswer {
  method: string;
  /** The request path, query string allowed. */
  path: string;
  status: number;
  contentType: string | undefined;
  text: string;
}

/** Why an answer breaks the contract, or undefined when it keeps it (or is not documented). */
export function contractViolation(answer: ContractAnswer): string | undefined {
  const path = answer.path.split('?')[0] ?? '';
  if (!path.startsWith('/api/')) return undefined;
  const type = answer.contentType ?? '';
  const where = `${answer.method} ${path} → ${answer.status}`;
  const parse = (): unknown => {
    try {
      return JSON.parse(answer.text);
    } catch {
      return Symbol('not JSON');
    }
  };
  if (type.includes('application/problem+json')) {
    const validate = validatorFor('openapi#/components/schemas/Problem');
    return validate(parse())
      ? undefined
      : `${where}: not a Problem: ${contract().ajv.errorsText(validate.errors)}`;
  }
  const route = contract().routes.find(
    (r) => r.method === answer.method.toUpperCase() && r.pattern.test(path),
  );
  if (!route || answer.status >= 400) return undefined;
  if (!route.statuses.has(answer.status)) {
    return `${where}: status not in the document (${[...route.statuses].join(', ')})`;
  }
  if (route.otherType && answer.status !== 204 && !type.includes(route.otherType)) {
    return `${where}: ${type || 'no content type'} where the document says ${route.otherType}`;
  }
  if (answer.status === 204 || !type.includes('application/json')) return undefined;
  const validate = validatorFor(
    `${route.pointer}/responses/${answer.status}/content/${escape('application/json')}/schema`,
  );
  if (validate(parse())) return undefined;
  return `${where}: the body does not match the document: ${contract().ajv.errorsText(validate.errors)}`;
}

/** Rejects a fetch answer that breaks the contract (a JSON body is read from a clone). */
export async function keepsContract(method: string, path: string, res: Response): Promise<Response> {
  const contentType = res.headers.get('content-type') ?? undefined;
  const text = contentType?.includes('json') ? await res.clone().text() : '';
  const violation = contractViolation({ method, path, status: res.status, contentType, text });
  if (violation) throw new Error(`The answer breaks the API contract: ${violation}`);
  return res;
}

/**
 * A service fixture whose `call` checks every answer as `requestAs` does: a service's own suite
 * proves the contract true for its routes without the gateway in front. `bodyPosts`: the fixture
 * sends a call with a body and no method as a POST (otherwise a GET).
 */
export function checkingContract<F extends { call(path: string, init?: never): Promise<Response> }>(
  fixture: F,
  { bodyPosts = false } = {},
): F {
  const call = async (path: string, init?: { method?: string; body?: unknown }) =>
    keepsContract(
      init?.method ?? (bodyPosts && init?.body !== undefined ? 'POST' : 'GET'),
      path,
      await fixture.call(path, init as never),
    );
  return { ...fixture, call };
}
