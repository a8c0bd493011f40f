import Stripe from 'stripe';

/**
 * The API version this code was written against, pinned so a Stripe account's default version
 * never changes the shapes we parse. Typed as the SDK's latest: an SDK upgrade that moves it
 * fails to compile here, which is when the mapping code must be re-read.
 */
export const STRIPE_API_VERSION: Stripe.LatestApiVersion = '2026-10-28.endive';

/** Enough for every tenant of a large instance; beyond it the least recently used client goes. */
const MAX_CLIENTS = 1000;

export interface StripeClients {
  /** The client of one merchant account (one per secret key: the key is fixed per client). */
  forKey(secretKey: string): Stripe;
}

/**
 * One SDK client per secret key, kept in a bounded LRU so a busy instance does not rebuild a
 * client (and its keep-alive connections) per request, and a long-lived one does not grow forever.
 */
export function createStripeClients(apiBase?: string, maxClients = MAX_CLIENTS): StripeClients {
  const connection = connectionOptions(apiBase);
  const clients = new Map<string, Stripe>();
  return {
    forKey(secretKey) {
      const cached = clients.get(secretKey);
      if (cached) {
        clients.delete(secretKey);
        clients.set(secretKey, cached);
        return cached;
      }
      const client = new Stripe(secretKey, {
        ...connection,
        apiVersion: STRIPE_API_VERSION,
        maxNetworkRetries: 2,
        timeout: 10_000,
      });
      clients.set(secretKey, client);
      const oldest = clients.keys().next().value;
      if (clients.size > maxClients && oldest !== undefined) clients.delete(oldest);
      return client;
    },
  };
}

/** `apiBase` (tests: a local stand-in) as the SDK's host/port/protocol; none: the SDK's own default. */
function connectionOptions(
  apiBase: string | undefined,
): Pick<Stripe.StripeConfig, 'host' | 'port' | 'protocol'> {
  if (!apiBase) return {};
  const url = new URL(apiBase);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`Stripe apiBase must be an http(s) URL, not ${url.protocol}`);
  }
  if (url.pathname !== '/' || url.search) {
    throw new Error('Stripe apiBase must be an origin only: the SDK adds /v1/ itself.');
  }
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port || (protocol === 'http' ? 80 : 443),
    protocol,
  };
}
