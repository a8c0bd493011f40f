import { randomUUID } from 'node:crypto';
import { freePorts, requestAs, waitFor, type HostResponse } from '@fleet/testing';

export interface ProcessPlatform {
  urlOf(name: string): string;
  env(name: string): Record<string, string>;
  /** `{name: pid}`: every service, or `host` and its workers `host-w0`, `host-w1`, ... */
  pids: Record<string, number>;
  /** A service's database URL, as its owner (no user) or as `user` (fleet_app, fleet_relay). */
  databaseUrl(name: string, user?: string): string;
  stop(): Promise<void>;
}

interface HostOption {
  workers: number;
  ports: Record<string, number[]>;
}

// The platform exactly as `npm start` runs it: every service its own process from dist/ (built by
// `npm test`'s pretest), on free ports, with its own databases, Redis prefix and RabbitMQ prefix.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startPlatform } = require('../../bench/support/platform') as {
  startPlatform(options: {
    ports: Record<string, number>;
    env: Record<string, Record<string, string>>;
    host?: HostOption;
  }): Promise<ProcessPlatform>;
};

// Every service of the platform, as `npm start` runs it: the list is scripts/services.js, so a new
// service is started here (on a free port) the day it is added there.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const SERVICES = (require('../../scripts/services') as { services: Array<{ name: string }> }).services.map(
  (s) => s.name,
);

/**
 * These platforms run as in production (NODE_ENV=production), so identity hashes passwords at
 * 2^17, about 2 s on a busy 2-core machine: the gateway waits longer for its upstreams than in
 * production, so a sign-up queued behind other hashes is not a 503. Callers may override it.
 */
function withTestDefaults(
  env: Record<string, Record<string, string>>,
): Record<string, Record<string, string>> {
  return { ...env, gateway: { UPSTREAM_TIMEOUT_MS: '9000', ...env.gateway } };
}

/** Every service on a free port; `env` adds variables per service. */
export async function startProcessPlatform(
  env: Record<string, Record<string, string>> = {},
): Promise<ProcessPlatform> {
  const ports = await freePorts(SERVICES.length);
  return startPlatform({
    ports: Object.fromEntries(SERVICES.map((n, i) => [n, ports[i] as number])),
    env: withTestDefaults(env),
  });
}

/**
 * The platform as `npm start` runs it by default: the host, `workers` processes each running every
 * service, on free ports (worker k's ports for the services others call are its own).
 */
export async function startHostPlatform(
  workers = 2,
  env: Record<string, Record<string, string>> = {},
): Promise<ProcessPlatform> {
  const ports = await freePorts(SERVICES.length * workers);
  const portOf = (service: number, worker: number) => ports[worker * SERVICES.length + service] as number;
  return startPlatform({
    ports: Object.fromEntries(SERVICES.map((n, i) => [n, portOf(i, 0)])),
    env: withTestDefaults(env),
    host: {
      workers,
      ports: Object.fromEntries(
        SERVICES.map((n, i) => [n, Array.from({ length: workers }, (_, k) => portOf(i, k))]),
      ),
    },
  });
}

export interface Store {
  host: string;
  /** The owner's access token from sign-up. */
  token: string;
}

export interface Checkout {
  orderId: string;
  orderToken: string;
  status: string;
  total: number;
  payment: { provider: string; paymentId: string; clientParams: Record<string, string> };
}

export interface CallInit {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** The JSON of a 2xx answer (of exactly `status` when given); anything else fails with the body. */
export function ok(res: HostResponse, status?: number): unknown {
  const good = status === undefined ? res.status >= 200 && res.status < 300 : res.status === status;
  if (!good) throw new Error(`expected ${status ?? '2xx'}, got ${res.status}: ${res.text}`);
  return res.json() as unknown;
}

/** Requests through the platform's gateway as a browser on `host` would send them; sign-up on the apex. */
export function frontDoor(platform: ProcessPlatform) {
  const gateway = platform.urlOf('gateway');
  const port = gateway.split(':').pop() as string;
  const call = (host: string, path: string, init: CallInit = {}) =>
    requestAs(host, `${gateway}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: { 'content-type': 'application/json', ...init.headers },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  async function signUp(slug: string, currency = 'USD', country = 'US'): Promise<Store> {
    const apex = `${platform.env('gateway').PLATFORM_DOMAIN}:${port}`;
    const body = {
      storeName: `Store ${slug}`,
      slug,
      email: `owner@${slug}.test`,
      password: 'correct horse 1',
      currency,
      country,
    };
    // A 503 asks to retry the sign-up, which is idempotent (its keys derive from the request): on a
    // loaded machine identity's password hash (2^17, production) can outlast the registry's call.
    let res = await call(apex, '/api/signup', { body });
    let retried = false;
    for (let attempt = 1; res.status === 503 && attempt < 4; attempt++) {
      retried = true;
      await new Promise((r) => setTimeout(r, 1_000));
      res = await call(apex, '/api/signup', { body });
    }
    if (retried && res.status === 409) {
      // The attempt that answered 503 (the gateway gave up waiting) went through after all: the
      // store is this helper's own, so its owner signs in.
      const host = `${slug}.${apex}`;
      const login = await call(host, '/api/admin/auth/login', {
        body: { email: body.email, password: body.password },
      });
      return { host, token: (ok(login, 200) as { accessToken: string }).accessToken };
    }
    const out = ok(res, 201) as { accessToken: string; storeUrl: string };
    return { host: new URL(out.storeUrl).host, token: out.accessToken };
  }
  /**
   * A shopper's cart with `quantity` of the variant (or each of `lines`), checked out under a fresh
   * Idempotency-Key; as a guest, or signed in with `shopper.token` (the order then has its customer).
   */
  async function checkout(
    host: string,
    lines: string | ReadonlyArray<{ variantId: string; quantity: number }>,
    quantity = 1,
    shopper: { email?: string; token?: string } = {},
  ): Promise<Checkout> {
    const auth: Record<string, string> = shopper.token ? { authorization: `Bearer ${shopper.token}` } : {};
    const items = typeof lines === 'string' ? [{ variantId: lines, quantity }] : lines;
    const cart = ok(await call(host, '/api/store/carts', { method: 'POST', headers: auth }), 201) as {
      id: string;
    };
    for (const item of items) {
      ok(await call(host, `/api/store/carts/${cart.id}/items`, { body: item, headers: auth }));
    }
    const body = {
      cartId: cart.id,
      email: shopper.email ?? 'shopper@example.com',
      shippingAddress: { name: 'Ada', line1: '1 Main St', city: 'Pune', postalCode: '411001', country: 'IN' },
    };
    const res = await call(host, '/api/store/checkout', {
      body,
      headers: { 'idempotency-key': randomUUID(), ...auth },
    });
    return ok(res, 201) as Checkout;
  }
  /** The order as the shopper sees it with the order token. */
  const orderOf = async (host: string, c: Checkout) =>
    ok(await call(host, `/api/store/orders/${c.orderId}?token=${c.orderToken}`)) as { status: string };
  const asOwner = (store: Store, path: string, init: CallInit = {}) =>
    call(store.host, path, { ...init, headers: { authorization: `Bearer ${store.token}`, ...init.headers } });
  /** Fulfils the order as the store's owner, once it is fulfillable (its saga may still be running). */
  const fulfil = (store: Store, orderId: string, timeoutMs = 20_000) =>
    waitFor(
      `order ${orderId} fulfilled`,
      async () =>
        (await asOwner(store, `/api/admin/orders/${orderId}/fulfill`, { body: {} })).status === 200
          ? true
          : undefined,
      { timeoutMs },
    );
  return { gateway, call, signUp, asOwner, checkout, orderOf, fulfil };
}
