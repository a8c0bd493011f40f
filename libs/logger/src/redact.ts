import pino from 'pino';

export const REDACTED = '[redacted]';

/**
 * Names whose value is a credential wherever they appear (any depth, any case, `-`/`_` or
 * camelCase): passwords and their hashes, access/refresh/order tokens, provider keys and webhook
 * secrets (`secretKey`, `webhookSecret`, Razorpay's `keySecret`), signing and encryption keys,
 * cookies, the `authorization` header, every `*signature*` header (`stripe-signature`,
 * `x-razorpay-signature`) and the signed context header `x-fleet-context`.
 */
const SENSITIVE_KEY =
  /pass(word|wd|phrase)|secret|token|authori[sz]ation|cookie|signature|credential|api[-_]?key|private[-_]?key|signing[-_]?key|encryption[-_]?key|x-fleet-context/i;

export function isSensitiveKey(key: string): boolean {
  return SENSITIVE_KEY.test(key);
}

/**
 * Credentials recognisable by their shape, wherever they are written (messages, error messages and
 * stacks, values under innocent names). Applied to each finished line, so nothing escapes them.
 */
const SECRET_VALUES: RegExp[] = [
  // Stripe secret and restricted keys, webhook signing secrets.
  /\b[sr]k_(?:live|test)_[A-Za-z0-9]{8,}/g,
  /\bwhsec_[A-Za-z0-9+/=_-]{8,}/g,
  // Our refresh tokens (`rt_` + 32 random bytes, base64url).
  /\brt_[A-Za-z0-9_-]{20,}/g,
  // JWTs and the signed context header: base64url JSON (`eyJ`) followed by one or two parts.
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}(?:\.[A-Za-z0-9_-]*)?/g,
  // Stripe-Signature header values (`t=...,v1=<hex>`), wherever they are quoted.
  /\bv[01]=[0-9a-f]{32,}/g,
  // Credentials in an Authorization header written into text.
  /\b(?:Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g,
];

/** The password of a URL's user info (`postgres://user:secret@host`): the user stays readable. */
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@"]+:)[^\s/@"]+@/gi;

/** The line with every credential-shaped value replaced; unchanged lines are returned as they are. */
export function scrubSecrets(line: string): string {
  let out = line;
  for (const pattern of SECRET_VALUES) out = out.replace(pattern, REDACTED);
  return out.replace(URL_PASSWORD, `$1${REDACTED}@`);
}

/** Objects nested deeper than this are not walked (log objects are shallow; cycles stop here too). */
const MAX_DEPTH = 8;

/**
 * `value` with the value of every sensitive key replaced by `[redacted]`, at any depth (arrays
 * and errors included). Copy-on-write: a value holding nothing sensitive is returned as it is, so
 * the common access-log line costs a walk and no allocation.
 */
export function redactKeys(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (value instanceof Error) {
    // The error serializer would copy its own fields (e.g. a request's headers) into the line.
    const serialized = pino.stdSerializers.err(value) as unknown as Record<string, unknown>;
    const redacted = redactRecord(serialized, depth);
    return redacted === serialized ? value : redacted;
  }
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, i) => {
      const next = redactKeys(item, depth + 1);
      if (next !== item) (copy ??= [...value])[i] = next;
    });
    return copy ?? value;
  }
  return isPlainRecord(value) ? redactRecord(value, depth) : value;
}

function redactRecord(value: Record<string, unknown>, depth: number): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) {
    const next = isSensitiveKey(key) ? (item == null ? item : REDACTED) : redactKeys(item, depth + 1);
    if (next !== item) (copy ??= { ...value })[key] = next;
  }
  return copy ?? value;
}

/** Plain objects and header bags (null prototype); not buffers, dates, maps or class instances. */
function isPlainRecord(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
