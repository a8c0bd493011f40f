import type { CredentialsCheck, ProviderCredentials } from '../provider';
import { openRazorpay } from './razorpay-client';
import { razorpayStatusOf } from './razorpay-errors';
import { readRazorpayKeys } from './razorpay-keys';

/**
 * Whether a merchant's keys work, with the cheapest authenticated call Razorpay has (one order
 * listed). A 401 means the key id or secret is wrong; any other failure says nothing about the keys
 * and is thrown (503) so the merchant is asked to try again rather than told the keys are bad.
 */
export async function checkRazorpayCredentials(
  credentials: ProviderCredentials,
  apiBase: string | undefined,
): Promise<CredentialsCheck> {
  const read = readRazorpayKeys(credentials);
  if (!read.ok) return read;
  if (!credentials.webhookSecret) return { ok: false, reason: 'missing_webhook_secret' };
  try {
    await openRazorpay(read.keys, apiBase).call('check the API keys', (sdk) => sdk.orders.all({ count: 1 }));
    return { ok: true };
  } catch (err) {
    if (razorpayStatusOf(err) === 401) return { ok: false, reason: 'invalid_api_key' };
    throw err;
  }
}
