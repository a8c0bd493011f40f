import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseStripeForm, stripeFormFingerprint } from './stripe-form';
import { readRequestBody, StripeApiError, writeStripeReply, type StripeReply } from './stripe-http';
import {
  failRefund,
  succeedRefund,
  newStripeLedger,
  openStripeAccount,
  settlePaymentIntent,
  type StripeAccountState,
  type StripeStandInAccount,
} from './stripe-ledger';
import { stripeObjectId, type StripeEventJson } from './stripe-objects';
import { routeStripeRequest } from './stripe-routes';
import { deliverStripeEvent, signStripeEvent } from './stripe-webhook-signing';

export type { StripeStandInAccount } from './stripe-ledger';
export * from './stripe-objects';
export { signStripeEvent, STRIPE_SIGNATURE_HEADER } from './stripe-webhook-signing';

export interface StripeStandInRequest {
  method: string;
  path: string;
  secretKey?: string;
  idempotencyKey?: string;
  status: number;
  /** Answered from the idempotency store (`Idempotent-Replayed: true`). */
  replayed: boolean;
}

/**
 * A local Stripe API for tests, spoken to by the official SDK (`host`/`port`/`protocol` pointed at
 * `url`): accounts by secret key, PaymentIntents, refunds, balance, idempotency keys, and webhooks
 * signed and delivered the way Stripe does. Tests stub only this third party, nothing of ours.
 */
export interface StripeStandIn {
  /** `http://127.0.0.1:<port>` */
  url: string;
  addAccount(account: StripeStandInAccount): void;
  /**
   * The shopper completes or fails the PaymentIntent at Stripe (or pays with a method Stripe is
   * still `processing`); the event is delivered to the account's webhook when set.
   */
  pay(
    paymentIntentId: string,
    outcome?: 'succeeded' | 'failed' | 'processing',
  ): Promise<{ event: StripeEventJson; deliveryStatus?: number }>;
  /** Builds and signs a webhook exactly as Stripe would deliver it (documented scheme: `Stripe-Signature: t=<unix>,v1=<hex hmac-sha256(secret, `${t}.${payload}`)>`). */
  signEvent(
    event: object,
    secret: string,
    nowMs?: number,
  ): { rawBody: string; headers: Record<string, string> };
  /** The next `n` refunds are answered `pending` (no charge.refunded until they end). */
  holdNextRefunds(n: number): void;
  /** A pending refund succeeds (`refund.updated`, delivered to the account's webhook when set). */
  succeedRefund(refundId: string): Promise<{ event: StripeEventJson; deliveryStatus?: number }>;
  /** A pending refund fails (`refund.failed`, delivered to the account's webhook when set). */
  failRefund(
    refundId: string,
    failureReason?: string,
  ): Promise<{ event: StripeEventJson; deliveryStatus?: number }>;
  /** While on, every API request is answered 500 `api_error` (Stripe having an outage). */
  setOutage(on: boolean): void;
  /** Forgets an account: its keys are refused from now on (a merchant rolled them). */
  removeAccount(secretKey: string): void;
  /** Every event, oldest first. */
  events: StripeEventJson[];
  requests: StripeStandInRequest[];
  deliveries: Array<{ eventId: string; status: number }>;
  close(): Promise<void>;
}

export async function startStripeStandIn(): Promise<StripeStandIn> {
  const ledger = newStripeLedger();
  const requests: StripeStandInRequest[] = [];
  const deliveries: Array<{ eventId: string; status: number }> = [];
  const inFlight = new Set<Promise<unknown>>();
  let outage = false;

  const deliver = async (account: StripeAccountState, event: StripeEventJson) => {
    if (!account.config.webhook) return undefined;
    const status = await deliverStripeEvent(event, account.config);
    deliveries.push({ eventId: event.id, status });
    return status;
  };
  /** Events caused by an API request reach the webhook after the answer, as at Stripe. */
  const deliverLater = (account: StripeAccountState, events: StripeEventJson[]) => {
    for (const event of events) {
      const delivery = deliver(account, event);
      inFlight.add(delivery);
      void delivery.finally(() => inFlight.delete(delivery));
    }
  };

  const server = createServer((req, res) => {
    serve(req, res).catch((err: unknown) => {
      if (res.headersSent) return res.destroy();
      writeStripeReply(
        res,
        { status: 500, body: { error: { type: 'api_error', message: String(err) } } },
        {},
      );
    });
  });

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const method = req.method ?? 'GET';
    const body = method === 'POST' ? await readRequestBody(req) : url.search.slice(1);
    const requestId = stripeObjectId('req');
    const idempotencyKey = headerOf(req, 'idempotency-key');
    const secretKey = apiKeyOf(req);
    const account = secretKey ? ledger.accounts.get(secretKey) : undefined;
    const respond = (reply: StripeReply, replayed = false) => {
      requests.push({
        method,
        path: url.pathname,
        secretKey,
        idempotencyKey,
        status: reply.status,
        replayed,
      });
      writeStripeReply(res, reply, {
        'request-id': requestId,
        'stripe-version': account?.apiVersion ?? headerOf(req, 'stripe-version') ?? '',
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
        ...(replayed ? { 'idempotent-replayed': 'true' } : {}),
      });
    };
    if (outage) {
      return respond({ status: 500, body: { error: { type: 'api_error', message: 'Stand-in outage.' } } });
    }
    if (!account) return respond(unauthorized(secretKey).toReply());
    account.apiVersion = headerOf(req, 'stripe-version') ?? account.apiVersion;

    const fingerprint = stripeFormFingerprint(method, url.pathname, body);
    const keyed = method === 'POST' && idempotencyKey !== undefined ? idempotencyKey : undefined;
    const seen = keyed ? account.replays.get(keyed) : undefined;
    if (seen) return seen.fingerprint === fingerprint ? respond(seen.reply, true) : respond(reusedKey(keyed));
    try {
      const form = parseStripeForm(body);
      const request = { requestId, ...(idempotencyKey ? { idempotencyKey } : {}) };
      const { reply, events = [] } = routeStripeRequest(method, url.pathname, {
        ledger,
        account,
        request,
        form,
      });
      // Only answers that made something are kept: a refused request may be retried, corrected, under its key.
      if (keyed) account.replays.set(keyed, { fingerprint, reply });
      respond(reply);
      deliverLater(account, events);
    } catch (err) {
      if (!(err instanceof StripeApiError)) throw err;
      respond(err.toReply());
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    addAccount(account) {
      if (ledger.accounts.has(account.secretKey))
        throw new Error('Stripe stand-in: this secret key already has an account');
      openStripeAccount(ledger, account);
    },
    async pay(paymentIntentId, outcome = 'succeeded') {
      const { account, event } = settlePaymentIntent(ledger, paymentIntentId, outcome);
      const deliveryStatus = await deliver(account, event);
      return deliveryStatus === undefined ? { event } : { event, deliveryStatus };
    },
    holdNextRefunds(n) {
      ledger.heldRefunds = n;
    },
    async succeedRefund(refundId) {
      const { account, event } = succeedRefund(ledger, refundId);
      const deliveryStatus = await deliver(account, event);
      return deliveryStatus === undefined ? { event } : { event, deliveryStatus };
    },
    async failRefund(refundId, failureReason = 'expired_or_canceled_card') {
      const { account, event } = failRefund(ledger, refundId, failureReason);
      const deliveryStatus = await deliver(account, event);
      return deliveryStatus === undefined ? { event } : { event, deliveryStatus };
    },
    setOutage(on) {
      outage = on;
    },
    removeAccount(secretKey) {
      ledger.accounts.delete(secretKey);
    },
    signEvent: signStripeEvent,
    events: ledger.events,
    requests,
    deliveries,
    async close() {
      await Promise.allSettled([...inFlight]);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Stripe takes the secret key as a Bearer token (what the SDK sends) or as Basic auth's user name. */
function apiKeyOf(req: IncomingMessage): string | undefined {
  const authorization = headerOf(req, 'authorization') ?? '';
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (bearer) return bearer[1];
  const basic = /^Basic\s+(\S+)$/i.exec(authorization);
  if (basic)
    return (
      Buffer.from(basic[1] as string, 'base64')
        .toString('utf8')
        .split(':')[0] || undefined
    );
  return undefined;
}

/** Stripe's 401: the key is shown masked (type prefix and last four), never whole. */
function unauthorized(secretKey: string | undefined): StripeApiError {
  if (!secretKey) {
    return new StripeApiError(
      401,
      'invalid_request_error',
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    );
  }
  const prefix = /^(sk|rk)_(test|live)_/.exec(secretKey)?.[0] ?? '';
  const masked = `${prefix}${'*'.repeat(Math.max(secretKey.length - prefix.length - 4, 4))}${secretKey.length > prefix.length + 8 ? secretKey.slice(-4) : ''}`;
  return new StripeApiError(401, 'invalid_request_error', `Invalid API Key provided: ${masked}`);
}

function reusedKey(key: string | undefined): StripeReply {
  return new StripeApiError(
    400,
    'idempotency_error',
    `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
  ).toReply();
}
