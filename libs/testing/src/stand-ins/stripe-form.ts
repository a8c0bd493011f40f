/**
 * Stripe's request encoding: `application/x-www-form-urlencoded` with bracket notation for nested
 * values (`metadata[order]=1`, `automatic_payment_methods[enabled]=true`, `expand[0]=x` or
 * `expand[]=x`), exactly what the SDK sends. Lists come back as objects with index keys.
 */
export type StripeFormValue = string | StripeFormObject;
export interface StripeFormObject {
  [key: string]: StripeFormValue;
}

/** Keys that would reach Object.prototype if assigned; Stripe has no such parameter. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

export function parseStripeForm(body: string): StripeFormObject {
  const root: StripeFormObject = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = keyPath(key);
    if (!path || path.some((segment) => FORBIDDEN.has(segment))) continue;
    assign(root, path, value);
  }
  return root;
}

/**
 * The same parameters give the same fingerprint whatever their order: what idempotency compares
 * (Stripe refuses a reused key whose parameters changed).
 */
export function stripeFormFingerprint(method: string, path: string, body: string): string {
  const pairs = [...new URLSearchParams(body)].map(([k, v]) => `${k}=${v}`).sort();
  return `${method} ${path}\n${pairs.join('&')}`;
}

export const formString = (form: StripeFormObject, key: string): string | undefined => {
  const value = form[key];
  return typeof value === 'string' ? value : undefined;
};

export const formObject = (form: StripeFormObject, key: string): StripeFormObject | undefined => {
  const value = form[key];
  return typeof value === 'object' ? value : undefined;
};

/** `a[b][c]` → ['a', 'b', 'c']; `a[]` → ['a', '']; anything else unparseable → undefined. */
function keyPath(key: string): string[] | undefined {
  const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
  if (!match) return undefined;
  const nested = [...(match[2] ?? '').matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] ?? '');
  return [match[1] as string, ...nested];
}

function assign(root: StripeFormObject, path: string[], value: string): void {
  let node = root;
  for (const [i, raw] of path.entries()) {
    const segment = raw === '' ? String(Object.keys(node).length) : raw;
    if (i === path.length - 1) {
      node[segment] = value;
      return;
    }
    const next = node[segment];
    if (typeof next === 'object') {
      node = next;
    } else {
      const child: StripeFormObject = {};
      node[segment] = child;
      node = child;
    }
  }
}
