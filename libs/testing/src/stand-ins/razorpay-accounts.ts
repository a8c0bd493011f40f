import { timingSafeEqual } from 'node:crypto';
import {
  razorpayId,
  type RazorpayOrderEntity,
  type RazorpayPaymentEntity,
  type RazorpayRefundEntity,
} from './razorpay-entities';

/** Where the stand-in sends an account's webhooks; `headers` is called once per delivery. */
export interface RazorpayWebhookTarget {
  url: string;
  headers?: () => Record<string, string>;
}

export interface RazorpayAccountInput {
  keyId: string;
  keySecret: string;
  webhookSecret: string;
  webhook?: RazorpayWebhookTarget;
  /**
   * The dashboard's capture setting: true (default) captures a payment as soon as it is
   * authorised; false leaves it `authorized` until the merchant captures it.
   */
  autoCapture?: boolean;
}

/** One merchant account: its keys and everything made with them (Maps keep creation order). */
export interface RazorpayAccount extends RazorpayAccountInput {
  id: string;
  autoCapture: boolean;
  orders: Map<string, RazorpayOrderEntity>;
  payments: Map<string, RazorpayPaymentEntity>;
  refunds: Map<string, RazorpayRefundEntity>;
  /** Refunds still to be left `pending` (`holdNextRefunds`): no refund.processed until they end. */
  heldRefunds: number;
}

export interface RazorpayAccounts {
  add(input: RazorpayAccountInput): RazorpayAccount;
  /** The account whose key id and secret these are (Basic auth), or undefined. */
  authenticate(keyId: string, keySecret: string): RazorpayAccount | undefined;
  byKeyId(keyId: string): RazorpayAccount | undefined;
  /** The account an order belongs to: the shopper pays an order id, not an account. */
  ownerOfOrder(orderId: string): RazorpayAccount | undefined;
}

export function createRazorpayAccounts(): RazorpayAccounts {
  const accounts = new Map<string, RazorpayAccount>();
  return {
    add(input) {
      const account: RazorpayAccount = {
        ...input,
        id: razorpayId('acc'),
        autoCapture: input.autoCapture ?? true,
        orders: new Map(),
        payments: new Map(),
        refunds: new Map(),
        heldRefunds: 0,
      };
      accounts.set(input.keyId, account);
      return account;
    },
    authenticate(keyId, keySecret) {
      const account = accounts.get(keyId);
      if (!account) return undefined;
      const given = Buffer.from(keySecret);
      const expected = Buffer.from(account.keySecret);
      return given.length === expected.length && timingSafeEqual(given, expected) ? account : undefined;
    },
    byKeyId: (keyId) => accounts.get(keyId),
    ownerOfOrder: (orderId) => [...accounts.values()].find((a) => a.orders.has(orderId)),
  };
}
