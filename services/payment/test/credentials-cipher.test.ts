import { createCredentialsCipher, parseCredentialsKeys } from '../src/domain/settings/credentials-cipher';

const OLD = 'k1:old-payment-credentials-secret-0123456789';
const NEW = 'k2:new-payment-credentials-secret-0123456789';
const AAD = 'payment_settings:ten_a:stripe';
const secret = JSON.stringify({ webhookSecret: 'whsec_123', secrets: { apiKey: 'sk_live_abc' } });

test('seals and opens; every seal is different and names its key', () => {
  const cipher = createCredentialsCipher(OLD);
  const a = cipher.seal(secret, AAD);
  const b = cipher.seal(secret, AAD);
  expect(a).not.toBe(b);
  expect(a).toMatch(/^v1\.k1\./);
  expect(a).not.toContain('sk_live_abc');
  expect(cipher.open(a, AAD)).toBe(secret);
});

test('a tampered value, tag or iv, or one bound to another row, does not open', () => {
  const cipher = createCredentialsCipher(OLD);
  const sealed = cipher.seal(secret, AAD);
  const [v, k, iv, tag, body] = sealed.split('.') as [string, string, string, string, string];
  const flip = (s: string) => {
    const bytes = Buffer.from(s, 'base64url');
    bytes[0] = (bytes[0] as number) ^ 1;
    return bytes.toString('base64url');
  };
  const unreadable = expect.objectContaining({ code: 'credentials_unreadable' });
  expect(() => cipher.open([v, k, iv, tag, flip(body)].join('.'), AAD)).toThrow(unreadable);
  expect(() => cipher.open([v, k, iv, flip(tag), body].join('.'), AAD)).toThrow(unreadable);
  expect(() => cipher.open([v, k, flip(iv), tag, body].join('.'), AAD)).toThrow(unreadable);
  expect(() => cipher.open(sealed, 'payment_settings:ten_b:stripe')).toThrow(unreadable);
  expect(() => cipher.open(`${sealed}.x`, AAD)).toThrow(unreadable);
  expect(() => cipher.open('not-sealed', AAD)).toThrow(unreadable);
});

test('keys rotate: the new key seals, the old one still opens what it sealed', () => {
  const before = createCredentialsCipher(OLD).seal(secret, AAD);
  const rotated = createCredentialsCipher(`${NEW},${OLD}`);
  expect(rotated.currentKeyId).toBe('k2');
  expect(rotated.open(before, AAD)).toBe(secret);
  expect(rotated.needsReseal(before)).toBe(true);
  const after = rotated.seal(secret, AAD);
  expect(after).toMatch(/^v1\.k2\./);
  expect(rotated.needsReseal(after)).toBe(false);
  // A value sealed by a key that was dropped from the configuration cannot be opened.
  expect(() => createCredentialsCipher(NEW).open(before, AAD)).toThrow(
    expect.objectContaining({ code: 'credentials_unreadable' }),
  );
  // The same key id with another secret is another key.
  expect(() =>
    createCredentialsCipher('k1:a-different-secret-for-the-same-id-0000').open(before, AAD),
  ).toThrow();
});

test('the key setting is validated', () => {
  expect(parseCredentialsKeys(`${NEW},${OLD}`).map((k) => k.id)).toEqual(['k2', 'k1']);
  expect(() => parseCredentialsKeys('k1:short')).toThrow();
  expect(() => parseCredentialsKeys('no-key-id-here-but-long-enough-0123456789')).toThrow();
  expect(() => parseCredentialsKeys(`${OLD},${OLD}`)).toThrow(/Duplicate/);
});
