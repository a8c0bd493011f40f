/**
 * A public key id as the merchant may see it again: the prefix that says what it is (`pk_test_`,
 * `rzp_live_`) and the last four characters that say which one, nothing in between.
 */
export function maskKeyId(keyId: string | null): string | null {
  if (!keyId) return null;
  const prefix = /^[a-z]+_(test|live)_/.exec(keyId)?.[0] ?? '';
  const rest = keyId.slice(prefix.length);
  return rest.length <= 4 ? `${prefix}••••` : `${prefix}••••${rest.slice(-4)}`;
}
