import type { Db } from '@fleet/db';
import type { Logger } from '@fleet/logger';
import type { KeyCipher } from './key-cipher';
import type { LoginThrottle } from './login-throttle';
import type { PasswordHasher } from './password';
import type { SigningKeyRing } from './signing-key-ring';

export interface TokenSettings {
  /** The `iss` claim. */
  issuer: string;
  accessTokenTtlSeconds: number;
}

/** What identity's use cases need; `createIdentityDeps` builds it for main.ts and tests. */
export interface IdentityDeps {
  db: Db;
  logger: Logger;
  keys: SigningKeyRing;
  keyCipher: KeyCipher;
  throttle: LoginThrottle;
  passwords: PasswordHasher;
  tokens: TokenSettings;
}
