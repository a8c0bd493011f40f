import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Actor } from '@fleet/context';
import type { Sealer } from '../domain/sealed-value';
import { clearCookie, readCookies, setCookie } from './cookies';

const MONTH = 30 * 86_400;
const MAX_ORDERS = 10;

export interface CustomerSession {
  id: string;
  email: string;
  name: string;
  /** The refresh token, so log-out revokes the session at identity too. */
  rt: string;
  /** Expiry, epoch seconds. */
  exp: number;
}

export interface OrderKey {
  token: string;
  paymentId?: string;
  /** The checkout's email, to prefill the provider's payment form (Razorpay Checkout). */
  email?: string;
}

/**
 * The shopper's state on one store host, all in cookies (nothing in localStorage): a random
 * session id for CSRF, the cart id and its item count, the signed-in customer, and the guest
 * tokens of the orders placed in this browser. Every sealed cookie names its store.
 */
export interface Session {
  sid: string;
  csrfToken: string;
  cart?: { id: string; count: number };
  customer?: CustomerSession;
  orders: Record<string, OrderKey>;
  actor(): Actor;
  setCart(cart: { id: string; count: number } | undefined): void;
  setCustomer(customer: CustomerSession | undefined): void;
  addOrder(orderId: string, key: OrderKey): void;
}

export function loadSession(req: Request, res: Response, sealer: Sealer, store: string): Session {
  const cookies = readCookies(req);
  let sid = /^[A-Za-z0-9_-]{22,64}$/.test(cookies.sf_sid ?? '') ? (cookies.sf_sid as string) : undefined;
  if (!sid) {
    sid = randomBytes(18).toString('base64url');
    setCookie(req, res, 'sf_sid', sid);
  }
  const mine = <T extends { tid?: string }>(name: string): T | undefined => {
    const value = sealer.open<T>(cookies[name]);
    return value?.tid === store ? value : undefined;
  };
  const cart = mine<{ tid: string; id: string; n: number }>('sf_cart');
  const customer = mine<CustomerSession & { tid: string }>('sf_customer');
  const orders = mine<{ tid: string; o: Record<string, OrderKey> }>('sf_orders')?.o ?? {};
  const session: Session = {
    sid,
    csrfToken: sealer.mac('csrf', store, sid),
    cart: cart && typeof cart.id === 'string' ? { id: cart.id, count: Number(cart.n) || 0 } : undefined,
    customer: customer && customer.exp * 1000 > Date.now() ? customer : undefined,
    orders,
    actor() {
      return session.customer
        ? { kind: 'customer', id: session.customer.id, roles: ['customer'] }
        : { kind: 'anonymous' };
    },
    setCart(next) {
      session.cart = next;
      if (next)
        setCookie(req, res, 'sf_cart', sealer.seal({ tid: store, id: next.id, n: next.count }), MONTH);
      else clearCookie(req, res, 'sf_cart');
    },
    setCustomer(next) {
      session.customer = next;
      if (next) setCookie(req, res, 'sf_customer', sealer.seal({ tid: store, ...next }), next.exp - now());
      else clearCookie(req, res, 'sf_customer');
    },
    addOrder(orderId, key) {
      const kept = Object.entries(session.orders).slice(-(MAX_ORDERS - 1));
      session.orders = Object.fromEntries([...kept, [orderId, key]]);
      setCookie(req, res, 'sf_orders', sealer.seal({ tid: store, o: session.orders }), MONTH);
    },
  };
  return session;
}

const now = () => Math.floor(Date.now() / 1000);
