import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The offline provider signs its webhooks the way Stripe does:
 * `fleet-offline-signature: t=<unix seconds>,v1=<hex hmac-sha256(secret, t + '.' + rawBody)>`.
 * Several `v1` entries may be present (a secret being rotated); one matching is enough.
 */
export const OFFLINE_SIGNATURE_HEADER = 'fleet-offline-signature';
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export function signOfflinePayload(secret: string, rawBody: string | Buffer, now = Date.now()): string {
  const t = Math.floor(now / 1000);
  return `t=${t},v1=${hmacHex(secret, t, rawBody)}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

export function checkOfflineSignature(
  header: string | string[] | undefined,
  secret: string,
  rawBody: Buffer,
  now = Date.now(),
): SignatureCheck {
  if (typeof header !== 'string' || header.length === 0 || header.length > 2048) {
    return { ok: false, reason: 'missing_signature' };
  }
  const parts = header.split(',').map((p) => p.trim().split('='));
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  const given = parts.filter(([k, v]) => k === 'v1' && v).map(([, v]) => Buffer.from(v as string, 'hex'));
  if (!Number.isSafeInteger(t) || given.length === 0) return { ok: false, reason: 'malformed_signature' };
  const expected = Buffer.from(hmacHex(secret, t, rawBody), 'hex');
  // Check every entry (no early exit) so the time taken says nothing about which one matched.
  const matches = given.filter((g) => g.length === expected.length && timingSafeEqual(g, expected)).length;
  if (matches === 0) return { ok: false, reason: 'bad_signature' };
  if (Math.abs(Math.floor(now / 1000) - t) > SIGNATURE_TOLERANCE_SECONDS) {
    return { ok: false, reason: 'timestamp_outside_tolerance' };
  }
  return { ok: true };
}

function hmacHex(secret: string, t: number, rawBody: string | Buffer): string {
  return createHmac('sha256', secret).update(`${t}.`).update(rawBody).digest('hex');
}
