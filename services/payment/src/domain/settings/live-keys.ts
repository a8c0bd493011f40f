/**
 * Whether a provider's public key id is of its live mode (`pk_live_…`, `rzp_live_…`). Settings
 * check that a Stripe secret key is of the same mode as its publishable key, and a Razorpay key
 * id carries its mode, so the public id tells the account's mode.
 */
export function isLiveKey(publicKeyId: string | null): boolean {
  return publicKeyId !== null && /^(pk|rzp)_live_/.test(publicKeyId);
}
