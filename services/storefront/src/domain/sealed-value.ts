import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Values the storefront hands the browser in cookies and reads back: `<base64url(json)>.<mac>`,
 * HMAC-SHA256 under a key derived from the internal signing key for this purpose only. Each value
 * names its store (`tid`), so a cookie from one store's host is worthless on another's.
 */
export interface Sealer {
  seal(payload: object): string;
  open<T extends object>(value: string | undefined): T | undefined;
  /** A MAC of `parts` (CSRF tokens). */
  mac(...parts: string[]): string;
}

export function createSealer(internalSigningKey: string): Sealer {
  const key = createHmac('sha256', internalSigningKey).update('fleet storefront cookies v1').digest();
  const mac = (text: string) => createHmac('sha256', key).update(text).digest('base64url');
  return {
    seal(payload) {
      const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
      return `${body}.${mac(body)}`;
    },
    open<T extends object>(value: string | undefined): T | undefined {
      if (!value || value.length > 4096) return undefined;
      const dot = value.indexOf('.');
      if (dot <= 0) return undefined;
      const body = value.slice(0, dot);
      const given = Buffer.from(value.slice(dot + 1), 'base64url');
      const expected = Buffer.from(mac(body), 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      try {
        const parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown;
        return parsed && typeof parsed === 'object' ? (parsed as T) : undefined;
      } catch {
        return undefined;
      }
    },
    mac: (...parts) => mac(parts.join('\n')),
  };
}

/** Constant-time comparison of two tokens. */
export function sameToken(a: string | undefined, b: string): boolean {
  if (typeof a !== 'string') return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
