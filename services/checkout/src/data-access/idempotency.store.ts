import { createHash } from 'node:crypto';
import type Redis from 'ioredis';
import type { CheckoutAnswer, Claim, IdempotencyStore, OrderRequest } from '../domain/checkout-deps';
import { CLAIM, COMPLETE, RELEASE } from './idempotency.scripts';
import { redisScript } from '@fleet/redis';

export interface IdempotencyStoreOptions {
  redis: Redis;
  /** REDIS_PREFIX: every key starts with it. */
  prefix: string;
  /** How long a key and its answer are kept (24 h). */
  ttlMs: number;
  /** How long a running request holds the key; a crashed one frees it after this (60 s). */
  lockMs: number;
}

type ClaimReply = ['mismatch' | 'busy'] | ['done' | 'claimed', string?];

/** Checkout's Idempotency-Keys in Redis: `${prefix}{t:<tenantId>}:idem:checkout:<sha256(key)>`. */
export function createIdempotencyStore(options: IdempotencyStoreOptions): IdempotencyStore {
  const { redis } = options;
  const scripts = {
    claim: redisScript(redis, CLAIM),
    complete: redisScript(redis, COMPLETE),
    release: redisScript(redis, RELEASE),
  };
  // The key is the client's (up to 255 characters): hashed, it makes a short, safe Redis key.
  const keys = (tenantId: string, key: string): [string, string] => {
    const record = `${options.prefix}{t:${tenantId}}:idem:checkout:${createHash('sha256').update(key).digest('hex')}`;
    return [record, `${record}:lock`];
  };

  return {
    async claim(tenantId, key, fingerprint, owner): Promise<Claim> {
      const args = [fingerprint, owner, options.lockMs, options.ttlMs];
      const [state, payload] = (await scripts.claim(keys(tenantId, key), args)) as ClaimReply;
      if (state === 'done') return { state, answer: JSON.parse(payload as string) as CheckoutAnswer };
      if (state === 'claimed') {
        return { state, savedRequest: payload ? (JSON.parse(payload) as OrderRequest) : null };
      }
      return { state };
    },
    async saveRequest(tenantId, key, request) {
      await redis.hsetnx(keys(tenantId, key)[0], 'request', JSON.stringify(request));
    },
    async complete(tenantId, key, owner, answer) {
      await scripts.complete(keys(tenantId, key), [owner, JSON.stringify(answer)]);
    },
    async release(tenantId, key, owner) {
      await scripts.release(keys(tenantId, key), [owner]);
    },
  };
}
