import type { RazorpayCall, RazorpayReply } from './razorpay-http';
import { createOrder, fetchOrder, fetchOrderPayments, listOrders } from './razorpay-orders';
import {
  capturePayment,
  fetchPayment,
  fetchRefund,
  listPaymentRefunds,
  refundPayment,
} from './razorpay-payments';

/** Calls whose response a test can drop after the change is committed (`dropNext…Responses`). */
export type RazorpayFault = 'createOrder' | 'refund';

interface RazorpayRoute {
  method: 'GET' | 'POST';
  pattern: RegExp;
  handle: (call: RazorpayCall) => RazorpayReply;
  fault?: RazorpayFault;
}

/** The part of Razorpay's API the official SDK calls for Fleet, at the URLs the SDK builds. */
const ROUTES: RazorpayRoute[] = [
  { method: 'POST', pattern: /^\/v1\/orders$/, handle: createOrder, fault: 'createOrder' },
  { method: 'GET', pattern: /^\/v1\/orders$/, handle: listOrders },
  { method: 'GET', pattern: /^\/v1\/orders\/([\w-]+)$/, handle: fetchOrder },
  { method: 'GET', pattern: /^\/v1\/orders\/([\w-]+)\/payments$/, handle: fetchOrderPayments },
  { method: 'GET', pattern: /^\/v1\/payments\/([\w-]+)$/, handle: fetchPayment },
  { method: 'POST', pattern: /^\/v1\/payments\/([\w-]+)\/capture$/, handle: capturePayment },
  { method: 'POST', pattern: /^\/v1\/payments\/([\w-]+)\/refund$/, handle: refundPayment, fault: 'refund' },
  { method: 'GET', pattern: /^\/v1\/payments\/([\w-]+)\/refunds$/, handle: listPaymentRefunds },
  { method: 'GET', pattern: /^\/v1\/refunds\/([\w-]+)$/, handle: fetchRefund },
];

export function matchRazorpayRoute(
  method: string,
  path: string,
): { route: RazorpayRoute; params: string[] } | undefined {
  for (const route of ROUTES) {
    const match = route.method === method ? route.pattern.exec(path) : null;
    if (match) return { route, params: match.slice(1) };
  }
  return undefined;
}
