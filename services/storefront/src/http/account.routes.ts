import { Router, type Request, type Response } from 'express';
import type { Tokens } from '../data-access/identity.client';
import type { Answer, Problem } from '../data-access/internal-call';
import type { Order } from '../data-access/order.client';
import { engagementCard } from '../domain/engagement-view';
import { statusLabel } from '../domain/order-status';
import type { StorefrontDeps } from '../domain/storefront-deps';
import { field, fieldErrors, formBody, requireCsrf, seeOther } from './forms';
import { sendStorePage } from './render';
import type { CustomerSession } from './session';
import { shopOf, type Shop } from './shop';

const SESSION_SECONDS = 30 * 86_400;

/**
 * Customer accounts: register, log in, log out, order history. The tokens identity issues stay
 * on the server side of the cookie: the sealed `sf_customer` cookie holds the customer's id and
 * the refresh token (HttpOnly), never readable by a script.
 */
export function accountRoutes(deps: StorefrontDeps): Router {
  const router = Router();

  router.get('/account', async (req, res) => {
    const shop = shopOf(res);
    if (!shop.session.customer) return seeOther(res, '/account/login');
    await sendStorePage(deps, req, res, {
      template: 'customers/account',
      data: { orders: await orderHistory(deps, shop), wishlist: await wishlistOf(deps, shop) },
      meta: { title: `Your account | ${shop.info.name}`, robots: 'noindex' },
    });
  });

  router.get('/account/login', (req, res) => sendForm(deps, req, res, 'login', {}, {}));
  router.get('/account/register', (req, res) => sendForm(deps, req, res, 'register', {}, {}));

  router.post('/account/login', formBody, requireCsrf, async (req, res) => {
    const shop = shopOf(res);
    const form = { email: field(req, 'email', 320).trim() };
    const answer = await deps.identity.login(shop.call, { ...form, password: field(req, 'password', 200) });
    await signedIn(deps, req, res, answer, 'login', form);
  });

  router.post('/account/register', formBody, requireCsrf, async (req, res) => {
    const shop = shopOf(res);
    const form = { email: field(req, 'email', 320).trim(), name: field(req, 'name', 200).trim() };
    const answer = await deps.identity.register(shop.call, {
      ...form,
      password: field(req, 'password', 200),
    });
    await signedIn(deps, req, res, answer, 'register', form);
  });

  router.post('/account/logout', formBody, requireCsrf, async (req, res) => {
    const shop = shopOf(res);
    const customer = shop.session.customer;
    if (customer) await deps.identity.logout(shop.call, customer.rt).catch(() => undefined);
    shop.session.setCustomer(undefined);
    shop.session.setCart(undefined);
    seeOther(res, '/');
  });

  return router;
}

async function signedIn(
  deps: StorefrontDeps,
  req: Request,
  res: Response,
  answer: Answer<Tokens>,
  kind: 'login' | 'register',
  form: Record<string, string>,
): Promise<void> {
  const shop = shopOf(res);
  if (answer.status >= 300) {
    const problem = answer.body as unknown as Problem;
    const errors = fieldErrors(problem);
    const error =
      answer.status === 401
        ? 'That email and password do not match an account.'
        : (problem.detail ?? 'Please check the form.');
    return sendForm(deps, req, res, kind, form, errors, error, answer.status === 401 ? 401 : 422);
  }
  const claims = decodeClaims(answer.body.accessToken);
  const id = typeof claims.sub === 'string' ? claims.sub : '';
  const customer: CustomerSession = {
    id,
    email: form.email ?? '',
    name: form.name || (form.email ?? '').split('@')[0] || 'there',
    rt: answer.body.refreshToken,
    exp: Math.floor(Date.now() / 1000) + SESSION_SECONDS,
  };
  const guestCart = shop.session.cart;
  shop.session.setCustomer(customer);
  shop.call.actor = shop.session.actor();
  if (guestCart && guestCart.count > 0) {
    const merged = await deps.cart.merge(shop.call, guestCart.id);
    shop.session.setCart(
      merged.status < 300 ? { id: merged.body.id, count: merged.body.itemCount } : undefined,
    );
  } else {
    shop.session.setCart(undefined);
  }
  seeOther(res, '/account');
}

/**
 * The payload of an access token identity has just issued to us over the internal call: read,
 * not verified (it never came from the browser). Only `sub` is used.
 */
function decodeClaims(token: string): Record<string, unknown> {
  try {
    return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
  } catch {
    return {};
  }
}

/**
 * The customer's orders, and the orders placed as a guest in this browser (kept with their
 * tokens in the sealed `sf_orders` cookie), newest first.
 */
async function orderHistory(deps: StorefrontDeps, shop: Shop) {
  const mine = await deps.order.mine(shop.call);
  const known = new Set(mine.map((o) => o.id));
  const guest = await Promise.all(
    Object.entries(shop.session.orders)
      .filter(([id]) => !known.has(id))
      .map(([id, key]) => deps.order.get({ ...shop.call, actor: { kind: 'anonymous' } }, id, key.token)),
  );
  const all = [...mine, ...guest.filter((o): o is Order => o !== null)];
  all.sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
  return all.map((o) => ({ ...o, status_label: statusLabel(o.status) }));
}

/** The customer's wishlist with each product's current card (a removed product has none). */
async function wishlistOf(deps: StorefrontDeps, shop: Shop) {
  const items = await deps.engagement.wishlist(shop.call).catch(() => []);
  return items.map((item) => ({
    productId: item.productId,
    product: item.product ? engagementCard(item.product) : null,
  }));
}

function sendForm(
  deps: StorefrontDeps,
  req: Request,
  res: Response,
  kind: 'login' | 'register',
  form: Record<string, string>,
  errors: Record<string, string>,
  error?: string,
  status = 200,
): Promise<void> {
  const shop = shopOf(res);
  return sendStorePage(deps, req, res, {
    template: `customers/${kind}`,
    status,
    data: { form, errors, error },
    meta: {
      title: `${kind === 'login' ? 'Log in' : 'Create an account'} | ${shop.info.name}`,
      robots: 'noindex',
    },
  });
}
