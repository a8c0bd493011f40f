import { createHash } from 'node:crypto';
import Razorpay from 'razorpay';
import { RAZORPAY_API_BASE } from './razorpay-api-base';
import { razorpayError, readRazorpayFailure } from './razorpay-errors';
import type { RazorpayKeys } from './razorpay-keys';

/**
 * The only way the provider reaches the official `razorpay` SDK. Two things live here and nowhere
 * else: the SDK has no base-URL (or timeout) option, so both are set on its axios instance; and
 * every call goes through `call`, which turns any failure into an AppError free of secrets.
 */

/** axios has no default timeout: a Razorpay that never answers must not hold a request forever. */
const REQUEST_TIMEOUT_MS = 15_000;
/** One client per (base URL, key id, key secret); tenants beyond this many are rebuilt on demand. */
const MAX_CLIENTS = 200;

export interface RazorpayApi {
  readonly keys: RazorpayKeys;
  /** Runs one SDK call; `operation` completes "Razorpay could not … to <operation>". */
  call<T>(operation: string, run: (sdk: Razorpay) => Promise<T>): Promise<T>;
}

export function openRazorpay(keys: RazorpayKeys, apiBase = RAZORPAY_API_BASE): RazorpayApi {
  const sdk = cachedClient(keys, apiBase);
  return {
    keys,
    async call(operation, run) {
      try {
        return await run(sdk);
      } catch (err) {
        throw razorpayError(operation, readRazorpayFailure(err), keys.keySecret);
      }
    },
  };
}

/** The shape of the SDK internals we touch (`instance.api.rq` is its axios instance). */
interface SdkInternals {
  api?: { rq?: { defaults?: { baseURL?: string; timeout?: number } } };
}

const clients = new Map<string, Razorpay>();

function cachedClient(keys: RazorpayKeys, apiBase: string): Razorpay {
  // Keyed by a hash so the map holds no secret as a key; a rotated secret gets a new client.
  const key = createHash('sha256').update(`${apiBase}\n${keys.keyId}\n${keys.keySecret}`).digest('hex');
  const cached = clients.get(key);
  if (cached) {
    clients.delete(key); // re-inserted: Map order is the recency order
    clients.set(key, cached);
    return cached;
  }
  const client = new Razorpay({ key_id: keys.keyId, key_secret: keys.keySecret });
  const defaults = (client as unknown as SdkInternals).api?.rq?.defaults;
  // Refuse rather than silently talk to production if an SDK upgrade moved its axios instance.
  if (!defaults) throw new Error('razorpay SDK internals changed: api.rq.defaults not found');
  defaults.baseURL = apiBase;
  defaults.timeout = REQUEST_TIMEOUT_MS;
  clients.set(key, client);
  if (clients.size > MAX_CLIENTS) clients.delete(clients.keys().next().value as string);
  return client;
}

/** The base URL a client was pointed at (diagnostics and tests). */
export function razorpayBaseUrl(keys: RazorpayKeys, apiBase?: string): string | undefined {
  return (cachedClient(keys, apiBase ?? RAZORPAY_API_BASE) as unknown as SdkInternals).api?.rq?.defaults
    ?.baseURL;
}
