import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRazorpayAccounts, type RazorpayAccount, type RazorpayAccountInput } from './razorpay-accounts';
import { payOrder } from './razorpay-checkout';
import { failPendingRefund, processPendingRefund } from './razorpay-payments';
import type { RazorpayOrderEntity, RazorpayPaymentEntity, RazorpayRefundEntity } from './razorpay-entities';
import { signRazorpayEvent, type RazorpayWebhookEvent } from './razorpay-events';
import {
  badRequest,
  basicAuth,
  readJsonObject,
  sendJson,
  unauthenticated,
  type RazorpayReply,
} from './razorpay-http';
import { matchRazorpayRoute, type RazorpayFault } from './razorpay-routes';
import { createRazorpayWebhookSender, type RazorpayDelivery } from './razorpay-webhook-sender';

export * from './razorpay-entities';
export * from './razorpay-events';
export { checkoutSignature as razorpayCheckoutSignature } from './razorpay-checkout';
export type { RazorpayAccountInput, RazorpayWebhookTarget } from './razorpay-accounts';
export type { RazorpayDelivery } from './razorpay-webhook-sender';

export interface RazorpayRequestLog {
  method: string;
  /** The path without the query string (`/v1/orders`). */
  path: string;
  query: Record<string, string>;
  keyId?: string;
  /** The answer's status; 0 when the response was dropped on purpose. */
  status: number;
}

/** What `pay` returns: Checkout's answer, plus the webhook event (to replay it with `signEvent`). */
export interface RazorpayPaymentResult {
  paymentId: string;
  signature: string;
  event: RazorpayWebhookEvent;
  /** The webhook receiver's status, when the account has a webhook. */
  deliveryStatus?: number;
}

export interface RazorpayStandIn {
  /** http://127.0.0.1:<port>: the SDK's base URL (it adds `/v1/...`). */
  url: string;
  addAccount(account: RazorpayAccountInput): void;
  /** The account's `acc_…` id, as webhook events carry it. */
  accountId(keyId: string): string;
  /**
   * The shopper pays (or fails) the order at Razorpay; payment.captured|payment.failed (or
   * payment.authorized without auto-capture) goes to the webhook when set. Returns what Checkout
   * hands the storefront (the signature even for a failure, so tests can exercise that path).
   */
  pay(orderId: string, outcome?: 'succeeded' | 'failed'): Promise<RazorpayPaymentResult>;
  /** Signs a webhook as Razorpay delivers it: x-razorpay-signature (hex HMAC-SHA256 of the body) and x-razorpay-event-id. */
  signEvent(
    event: object,
    secret: string,
    eventId?: string,
  ): { rawBody: string; headers: Record<string, string> };
  /** Fault injection: the next N order creations are committed but their HTTP response is dropped (socket destroyed). */
  dropNextCreateResponses(n: number): void;
  /** The same for refunds: the refund is made (and its webhook sent), the response is lost. */
  dropNextRefundResponses(n: number): void;
  /** The account's next `n` refunds stay `pending` (refund.created only). */
  holdNextRefunds(keyId: string, n: number): void;
  /** A pending refund is processed: `refund.processed` is delivered to the account's webhook. */
  processRefund(
    keyId: string,
    refundId: string,
  ): Promise<{ event: RazorpayWebhookEvent; deliveryStatus?: number }>;
  /** A pending refund fails: `refund.failed` is delivered to the account's webhook. */
  failRefund(
    keyId: string,
    refundId: string,
  ): Promise<{ event: RazorpayWebhookEvent; deliveryStatus?: number }>;
  /** Snapshots (copies) of what an account holds, oldest first. */
  orders(keyId: string): RazorpayOrderEntity[];
  payments(keyId: string): RazorpayPaymentEntity[];
  refunds(keyId: string): RazorpayRefundEntity[];
  requests: RazorpayRequestLog[];
  deliveries: RazorpayDelivery[];
  /** Resolves once the webhooks sent after API replies (captures, refunds) were delivered. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A local Razorpay API the official `razorpay` SDK talks to (point its axios base URL here):
 * Basic-auth accounts, orders, Checkout payments, captures and refunds, signed webhooks, and
 * dropped responses to prove the provider's retries are safe. State lives in memory, per account.
 */
export async function startRazorpayStandIn(): Promise<RazorpayStandIn> {
  const accounts = createRazorpayAccounts();
  const webhooks = createRazorpayWebhookSender();
  const requests: RazorpayRequestLog[] = [];
  const faults: Record<RazorpayFault, number> = { createOrder: 0, refund: 0 };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const log: RazorpayRequestLog = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      status: 0,
    };
    const credentials = basicAuth(req.headers.authorization);
    if (credentials) log.keyId = credentials.keyId;
    requests.push(log);
    const answer = (reply: RazorpayReply) => {
      log.status = reply.status;
      sendJson(res, reply);
    };
    const body = await readJsonObject(req);
    // Razorpay checks the keys first, then the URL, then the body.
    const account = credentials && accounts.authenticate(credentials.keyId, credentials.keySecret);
    if (!account) return answer(unauthenticated());
    const matched = matchRazorpayRoute(log.method, url.pathname);
    if (!matched) return answer(badRequest('The requested URL was not found on the server.', undefined, 404));
    if (!body) return answer(badRequest('The request body is not a JSON object.'));
    const reply = matched.route.handle({ account, params: matched.params, query: url.searchParams, body });
    for (const event of reply.events ?? []) webhooks.deliverLater(account, event);
    const fault = matched.route.fault;
    if (fault && faults[fault] > 0 && reply.status === 200) {
      faults[fault] -= 1; // committed above; the caller never hears of it (log.status stays 0)
      req.socket.destroy();
      return;
    }
    answer(reply);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, badRequest('Stand-in failure', undefined, 500));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  /** A pending refund ends at Razorpay; its webhook goes to the account's, when it has one. */
  async function endRefund(
    keyId: string,
    refundId: string,
    end: (account: RazorpayAccount, refundId: string) => RazorpayWebhookEvent,
  ): Promise<{ event: RazorpayWebhookEvent; deliveryStatus?: number }> {
    const account = accounts.byKeyId(keyId);
    if (!account) throw new Error(`Razorpay stand-in: no account ${keyId}`);
    const event = end(account, refundId);
    const deliveryStatus = await webhooks.deliver(account, event);
    return deliveryStatus === undefined ? { event } : { event, deliveryStatus };
  }
  const copy = <T>(held: Map<string, T> | undefined): T[] =>
    held ? structuredClone([...held.values()]) : [];

  return {
    url: `http://127.0.0.1:${port}`,
    addAccount: (account) => void accounts.add(account),
    accountId(keyId) {
      const account = accounts.byKeyId(keyId);
      if (!account) throw new Error(`Razorpay stand-in: no account ${keyId}`);
      return account.id;
    },
    async pay(orderId, outcome = 'succeeded') {
      const attempt = payOrder(accounts, orderId, outcome);
      const deliveryStatus = await webhooks.deliver(attempt.account, attempt.event);
      return {
        paymentId: attempt.payment.id,
        signature: attempt.signature,
        event: attempt.event,
        ...(deliveryStatus === undefined ? {} : { deliveryStatus }),
      };
    },
    signEvent: signRazorpayEvent,
    dropNextCreateResponses: (n) => void (faults.createOrder = n),
    dropNextRefundResponses: (n) => void (faults.refund = n),
    holdNextRefunds(keyId, n) {
      const account = accounts.byKeyId(keyId);
      if (!account) throw new Error(`Razorpay stand-in: no account ${keyId}`);
      account.heldRefunds = n;
    },
    processRefund: (keyId, refundId) => endRefund(keyId, refundId, processPendingRefund),
    failRefund: (keyId, refundId) => endRefund(keyId, refundId, failPendingRefund),
    orders: (keyId) => copy(accounts.byKeyId(keyId)?.orders),
    payments: (keyId) => copy(accounts.byKeyId(keyId)?.payments),
    refunds: (keyId) => copy(accounts.byKeyId(keyId)?.refunds),
    requests,
    deliveries: webhooks.deliveries,
    idle: () => webhooks.idle(),
    async close() {
      await webhooks.idle();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
