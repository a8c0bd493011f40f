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
 *
 * A GET mints nothing: a visitor without cookies has no session id and no CSRF token (their
 * pages are the same for everyone, so the gateway may keep them; docs/security.md). The id is
 * minted with the first state a post stores (a cart, a customer, an order).
 */
export interface Session {
  /** Empty until the shopper has a session (the `sf_sid` cookie). */
  sid: string;
  /** The MAC of the session id and the store; empty without a session. */
  csrfToken: string;
  /** Whether the shopper brought any of our cookies: their pages are theirs alone. */
  personal: boolean;
  cart?: { id: string; count: number };
  customer?: CustomerSession;
  orders: Record<string, OrderKey>;
  actor(): Actor;
  setCart(cart: { id: string; count: number } | undefined): void;
  setCustomer(customer: CustomerSession | undefined): void;
  addOrder(orderId: string, key: OrderKey): void;
}

/** `mint`: give a shopper without a session id one now (the apex sign-up form, a stored state). */
export function loadSession(
  req: Request,
  res: Response,
  sealer: Sealer,
  store: string,
  opts: { mint?: boolean } = {},
): Session {
  const cookies = readCookies(req);
  const known = /^[A-Za-z0-9_-]{22,64}$/.test(cookies.sf_sid ?? '') ? (cookies.sf_sid as string) : '';
  const mint = (): void => {
    if (session.sid) return;
    session.sid = randomBytes(18).toString('base64url');
    session.csrfToken = sealer.mac('csrf', store, session.sid);
    session.personal = true;
    setCookie(req, res, 'sf_sid', session.sid);
  };
  const mine = <T extends { tid?: string }>(name: string): T | undefined => {
    const value = sealer.open<T>(cookies[name]);
    return value?.tid === store ? value : undefined;
  };
  const cart = mine<{ tid: string; id: string; n: number }>('sf_cart');
  const customer = mine<CustomerSession & { tid: string }>('sf_customer');
  const orders = mine<{ tid: string; o: Record<string, OrderKey> }>('sf_orders')?.o ?? {};
  const session: Session = {
    sid: known,
    csrfToken: known ? sealer.mac('csrf', store, known) : '',
    personal: Object.keys(cookies).length > 0,
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
      if (next) {
        mint();
        setCookie(req, res, 'sf_cart', sealer.seal({ tid: store, id: next.id, n: next.count }), MONTH);
      } else clearCookie(req, res, 'sf_cart');
    },
    setCustomer(next) {
      session.customer = next;
      if (next) {
        mint();
        setCookie(req, res, 'sf_customer', sealer.seal({ tid: store, ...next }), next.exp - now());
      } else clearCookie(req, res, 'sf_customer');
    },
    addOrder(orderId, key) {
      const kept = Object.entries(session.orders).slice(-(MAX_ORDERS - 1));
      session.orders = Object.fromEntries([...kept, [orderId, key]]);
      mint();
      setCookie(req, res, 'sf_orders', sealer.seal({ tid: store, o: session.orders }), MONTH);
    },
  };
  if (opts.mint) mint();
  return session;
}

const now = () => Math.floor(Date.now() / 1000);
