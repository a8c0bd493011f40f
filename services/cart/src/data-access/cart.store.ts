import type Redis from 'ioredis';
import {
  lineIdOf,
  MAX_LINES,
  MAX_QUANTITY,
  newCartId,
  type StoredCart,
  type StoredLine,
} from '../domain/cart';
import type { CartStore, CartWrite, CustomerId } from '../domain/cart-deps';
import {
  ADD_LINE,
  CREATE_FOR_CUSTOMER,
  MERGE,
  READ,
  REMOVE_LINE,
  REMOVE_ORDERED,
  SET_QUANTITY,
} from './cart.scripts';
import { redisScript, type RedisScript } from '@fleet/redis';

export interface CartStoreOptions {
  redis: Redis;
  /** REDIS_PREFIX: every key starts with it. */
  prefix: string;
  ttlSeconds: number;
  now?: () => number;
}

type Reply = [status: string, fields: string[]] | null;

/** Races on a customer's pointer are retried this often before giving up (never seen twice). */
const POINTER_ATTEMPTS = 3;

function parseCart(id: string, fields: readonly string[]): StoredCart {
  const cart: StoredCart = { id, customerId: null, createdAt: 0, lines: [] };
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const [field, value] = [fields[i] as string, fields[i + 1] as string];
    if (field === '_c') cart.createdAt = Number(value);
    else if (field === '_u') cart.customerId = value;
    else if (field.startsWith('li_')) {
      const line = JSON.parse(value) as { v: string; q: number; t: string | number };
      cart.lines.push({ lineId: field, variantId: line.v, quantity: line.q, addedAt: Number(line.t) });
    }
  }
  cart.lines.sort((a: StoredLine, b: StoredLine) => a.addedAt - b.addedAt || (a.lineId < b.lineId ? -1 : 1));
  return cart;
}

function toWrite(cartId: string, reply: Reply): CartWrite {
  if (!reply) return { status: 'not_found' };
  const [status, fields] = reply;
  if (status === 'no_line' || status === 'full') return { status };
  return { status: 'ok', cart: parseCart(cartId, fields) };
}

/** Carts in Redis under `${prefix}{t:<tenantId>}:cart:<id>`; see cart.scripts.ts for the layout. */
export function createCartStore(options: CartStoreOptions): CartStore {
  const { redis } = options;
  const ttlMs = options.ttlSeconds * 1000;
  const now = options.now ?? Date.now;
  const cartKey = (tenantId: string, cartId: string) => `${options.prefix}{t:${tenantId}}:cart:${cartId}`;
  const pointerKey = (tenantId: string, customerId: string) =>
    `${options.prefix}{t:${tenantId}}:customer-cart:${customerId}`;
  const scripts = {
    read: redisScript(redis, READ),
    add: redisScript(redis, ADD_LINE),
    set: redisScript(redis, SET_QUANTITY),
    remove: redisScript(redis, REMOVE_LINE),
    removeOrdered: redisScript(redis, REMOVE_ORDERED),
    createForCustomer: redisScript(redis, CREATE_FOR_CUSTOMER),
    merge: redisScript(redis, MERGE),
  };

  async function onLines(
    script: RedisScript,
    tenantId: string,
    cartId: string,
    customer: CustomerId,
    args: ReadonlyArray<string | number> = [],
  ): Promise<CartWrite> {
    const key = cartKey(tenantId, cartId);
    const keys = [key, customer ? pointerKey(tenantId, customer) : key];
    return toWrite(cartId, (await script(keys, [customer ?? '', ttlMs, ...args])) as Reply);
  }

  async function read(tenantId: string, cartId: string, customer: CustomerId): Promise<StoredCart | null> {
    const result = await onLines(scripts.read, tenantId, cartId, customer);
    return result.status === 'ok' ? result.cart : null;
  }

  return {
    read,

    async createGuest(tenantId) {
      const cart: StoredCart = { id: newCartId(), customerId: null, createdAt: now(), lines: [] };
      const key = cartKey(tenantId, cart.id);
      await redis.multi().hset(key, '_c', cart.createdAt).pexpire(key, ttlMs).exec();
      return cart;
    },

    async customerCart(tenantId, customerId) {
      const pointer = pointerKey(tenantId, customerId);
      for (let attempt = 0; attempt < POINTER_ATTEMPTS; attempt++) {
        const current = await redis.get(pointer);
        const cart = current ? await read(tenantId, current, customerId) : null;
        if (cart?.customerId === customerId) return { cart, created: false };
        const id = newCartId();
        const args = [customerId, ttlMs, current ?? '', id, now()];
        const reply = (await scripts.createForCustomer([cartKey(tenantId, id), pointer], args)) as Reply;
        if (reply) return { cart: parseCart(id, reply[1]), created: true };
      }
      throw new Error(`The cart pointer of customer ${customerId} kept changing.`);
    },

    addLine: (tenantId, cartId, customer, line) =>
      onLines(scripts.add, tenantId, cartId, customer, [
        lineIdOf(line.variantId),
        line.variantId,
        line.quantity,
        MAX_QUANTITY,
        MAX_LINES,
        now(),
      ]),

    setQuantity: (tenantId, cartId, customer, lineId, quantity) =>
      onLines(scripts.set, tenantId, cartId, customer, [lineId, quantity]),

    removeLine: (tenantId, cartId, customer, lineId) =>
      onLines(scripts.remove, tenantId, cartId, customer, [lineId]),

    removeOrdered: (tenantId, cartId, checkoutId, items) =>
      onLines(scripts.removeOrdered, tenantId, cartId, null, [
        `_x:${checkoutId}`,
        ...items.flatMap((i) => [lineIdOf(i.variantId), i.quantity]),
      ]),

    async merge(tenantId, guestCartId, customerId) {
      const pointer = pointerKey(tenantId, customerId);
      const guest = cartKey(tenantId, guestCartId);
      for (let attempt = 0; attempt < POINTER_ATTEMPTS; attempt++) {
        const current = await redis.get(pointer);
        const target = current ? cartKey(tenantId, current) : guest;
        const args = [customerId, ttlMs, current ?? '', guestCartId, MAX_QUANTITY, MAX_LINES];
        const reply = (await scripts.merge([guest, pointer, target], args)) as Reply;
        if (!reply) return { status: 'not_found' };
        if (reply[0] === 'retry') continue;
        const id = reply[0] === 'merged' && current ? current : guestCartId;
        return { status: 'ok', cart: parseCart(id, reply[1]) };
      }
      throw new Error(`The cart pointer of customer ${customerId} kept changing.`);
    },
  };
}
