import type { RazorpayAccount } from './razorpay-accounts';
import { RAZORPAY_EVENT_ID_HEADER, signRazorpayEvent, type RazorpayWebhookEvent } from './razorpay-events';
import { deliverWebhook } from './deliver-webhook';

export interface RazorpayDelivery {
  eventId: string;
  event: string;
  /** The receiver's HTTP status; 0 when it could not be reached. */
  status: number;
}

export interface RazorpayWebhookSender {
  deliveries: RazorpayDelivery[];
  /** POSTs the signed event to the account's webhook URL; undefined when it has none. */
  deliver(account: RazorpayAccount, event: RazorpayWebhookEvent): Promise<number | undefined>;
  /** The same in the background (after an API reply), tracked so `idle` can wait for it. */
  deliverLater(account: RazorpayAccount, event: RazorpayWebhookEvent): void;
  idle(): Promise<void>;
}

const DELIVERY_TIMEOUT_MS = 5000;

/**
 * Delivers webhooks as Razorpay does: one JSON POST per event with the signature and event-id
 * headers (plus whatever the test adds, e.g. the gateway's signed context). One attempt only:
 * Razorpay's retries over the next day are not simulated; a test redelivers with `signEvent`.
 */
export function createRazorpayWebhookSender(): RazorpayWebhookSender {
  const deliveries: RazorpayDelivery[] = [];
  const inFlight = new Set<Promise<unknown>>();

  async function deliver(account: RazorpayAccount, event: RazorpayWebhookEvent) {
    if (!account.webhook) return undefined;
    const { rawBody, headers } = signRazorpayEvent(event, account.webhookSecret);
    const status = await deliverWebhook(
      account.webhook.url,
      { ...headers, 'user-agent': 'Razorpay-Webhook/v1', ...account.webhook.headers?.() },
      rawBody,
      DELIVERY_TIMEOUT_MS,
    );
    deliveries.push({ eventId: headers[RAZORPAY_EVENT_ID_HEADER] as string, event: event.event, status });
    return status;
  }

  return {
    deliveries,
    deliver,
    deliverLater(account, event) {
      const sending: Promise<unknown> = deliver(account, event).finally(() => inFlight.delete(sending));
      inFlight.add(sending);
    },
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
