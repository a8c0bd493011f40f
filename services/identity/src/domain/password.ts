import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * The work factor of new hashes, as log2 of scrypt's N (PASSWORD_HASH_COST). 17 is OWASP's
 * guidance for scrypt (N=2^17, r=8, p=1: 128 MiB and a few hundred ms of CPU per hash); production
 * refuses less. Tests may lower it to keep suites fast; a hash stores its own parameters, so hashes
 * made at any cost keep verifying, and a login upgrades the ones below the current cost.
 */
export const PASSWORD_HASH_COST = { default: 17, productionMinimum: 17, min: 10, max: 20 } as const;

const R = 8;
const P = 1;
const SALT_BYTES = 16;
const KEY_BYTES = 64;
/**
 * Hashes derived at once in this process. Each holds 128·N·r bytes (128 MiB at the default cost)
 * and a libuv pool thread; two leave the pool's other threads to DNS and files.
 */
const MAX_CONCURRENT = 2;

export interface PasswordCheck {
  valid: boolean;
  /** The stored hash is weaker than the current parameters: store a new one after this login. */
  outdated: boolean;
}

export interface PasswordHasher {
  /** `scrypt$N$r$p$<salt>$<hash>` (base64url), never the password itself. */
  hash(password: string): Promise<string>;
  /** Constant-time; `undefined` (no such account) burns the same work and is never valid. */
  verify(password: string, stored: string | undefined): Promise<PasswordCheck>;
}

interface Params {
  N: number;
  r: number;
  p: number;
}

/** Hashes at `cost` (log2 N), off the event loop (crypto.scrypt runs on libuv's pool). */
export function createPasswordHasher({ cost = PASSWORD_HASH_COST.default as number } = {}): PasswordHasher {
  if (!Number.isInteger(cost) || cost < PASSWORD_HASH_COST.min || cost > PASSWORD_HASH_COST.max) {
    throw new RangeError(
      `password hash cost must be an integer ${PASSWORD_HASH_COST.min}-${PASSWORD_HASH_COST.max}`,
    );
  }
  const current: Params = { N: 2 ** cost, r: R, p: P };
  const limit = concurrencyLimit(MAX_CONCURRENT);

  const hash = async (password: string): Promise<string> => {
    const salt = randomBytes(SALT_BYTES);
    const key = await limit(() => derive(password, salt, current));
    const { N, r, p } = current;
    return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
  };
  // Checked when the account does not exist, so an unknown email costs as much as a wrong password.
  let decoy: Promise<string> | undefined;

  return {
    hash,
    async verify(password, stored) {
      const parsed = parseHash(stored ?? (await (decoy ??= hash(randomBytes(16).toString('hex')))));
      if (!parsed) return { valid: false, outdated: false };
      const key = await limit(() => derive(password, parsed.salt, parsed.params));
      const valid =
        stored !== undefined && key.length === parsed.hash.length && timingSafeEqual(key, parsed.hash);
      return { valid, outdated: valid && isWeaker(parsed.params, current) };
    },
  };
}

const isWeaker = (stored: Params, current: Params): boolean =>
  stored.N < current.N || stored.r < current.r || stored.p < current.p;

function derive(password: string, salt: Buffer, { N, r, p }: Params): Promise<Buffer> {
  // scrypt needs 128·N·r bytes (plus 128·r·p); Node refuses above maxmem (32 MiB by default).
  const options: ScryptOptions = { N, r, p, maxmem: 2 * 128 * N * r + 128 * r * p };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_BYTES, options, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** Stored parameters outside what this service would ever write are refused, not run. */
function parseHash(stored: string): { params: Params; salt: Buffer; hash: Buffer } | undefined {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return undefined;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const log2N = Math.log2(params.N);
  if (!Number.isInteger(log2N) || log2N < 1 || log2N > PASSWORD_HASH_COST.max) return undefined;
  if (!Number.isInteger(params.r) || params.r < 1 || params.r > 32) return undefined;
  if (!Number.isInteger(params.p) || params.p < 1 || params.p > 16) return undefined;
  return { params, salt: Buffer.from(salt, 'base64url'), hash: Buffer.from(hash, 'base64url') };
}

/** Runs at most `max` of the given tasks at once; the others wait in order. */
function concurrencyLimit(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    if (running < max) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve)); // a finishing task hands its slot over
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
