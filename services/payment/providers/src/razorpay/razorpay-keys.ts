import { AppError } from '@fleet/errors';
import type { ProviderCredentials } from '../provider';

/**
 * A Razorpay merchant's API keys as the settings endpoint stores them: the key id
 * (`rzp_test_…` / `rzp_live_…`) is `publicKeyId` (Checkout needs it in the browser), the key secret
 * is `secrets.keySecret`. The webhook secret is separate (`webhookSecret`), set in the dashboard.
 */
export interface RazorpayKeys {
  keyId: string;
  keySecret: string;
}

const KEY_ID = /^rzp_(test|live)_[A-Za-z0-9]{6,40}$/;

export type RazorpayKeysCheck = { ok: true; keys: RazorpayKeys } | { ok: false; reason: string };

export function readRazorpayKeys(credentials: ProviderCredentials): RazorpayKeysCheck {
  const keyId = credentials.publicKeyId ?? '';
  const keySecret = credentials.secrets.keySecret ?? '';
  if (!KEY_ID.test(keyId)) return { ok: false, reason: 'invalid_key_id' };
  if (keySecret.length === 0) return { ok: false, reason: 'missing_key_secret' };
  return { ok: true, keys: { keyId, keySecret } };
}

/** For API calls: stored settings were checked when saved, so a bad shape here is a broken row. */
export function requireRazorpayKeys(credentials: ProviderCredentials): RazorpayKeys {
  const read = readRazorpayKeys(credentials);
  if (!read.ok) {
    throw new AppError('unavailable', `The Razorpay account is not configured (${read.reason}).`, {
      code: 'provider_not_configured',
    });
  }
  return read.keys;
}
