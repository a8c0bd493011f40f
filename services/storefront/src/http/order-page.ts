import type { Request, Response } from 'express';
import type { Order } from '../data-access/order.client';
import { RETURNABLE, returnableLines, shipmentLabel } from '../domain/order-returns';
import { CANCELLABLE, statusLabel } from '../domain/order-status';
import { PROVIDER_PAGES, providerCheckout } from '../domain/provider-checkout';
import type { StorefrontDeps } from '../domain/storefront-deps';
import { sendStorePage } from './render';
import { shopOf, type Shop } from './shop';

export const ORDER_ID = /^ord_[A-Za-z0-9]{1,64}$/;
const SETTLE_WAIT_MS = 5_000;

/** Guest access: the token kept in this browser's cookie when the order was placed, else `?token=`. */
export function tokenOf(req: Request, shop: Shop, id: string): string | undefined {
  const query =
    typeof req.query.token === 'string' && req.query.token.length <= 200 ? req.query.token : undefined;
  return shop.session.orders[id]?.token ?? query;
}

/**
 * `?token=…` to carry on this order's forms and redirects when the guest came with the token in
 * the link (an e-mail) rather than in this browser's cookie; empty otherwise.
 */
export function tokenSuffix(req: Request, shop: Shop, id: string): string {
  const token = shop.session.orders[id]?.token ? undefined : tokenOf(req, shop, id);
  return token ? `?token=${encodeURIComponent(token)}` : '';
}

/** The saga settles by events: wait (bounded) so the next page shows the outcome. */
export async function settled(
  deps: StorefrontDeps,
  shop: Shop,
  id: string,
  token: string | undefined,
  done: (o: Order) => boolean,
): Promise<void> {
  const deadline = Date.now() + SETTLE_WAIT_MS;
  for (let delay = 50; Date.now() < deadline; delay = Math.min(delay * 2, 400)) {
    const order = await deps.order.get(shop.call, id, token);
    if (!order || done(order)) return;
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

/**
 * Back on the order page from the provider's own page (Stripe's `return_url` gets
 * `redirect_status`): payment is asked to read the provider's state now rather than wait for the
 * webhook, and a success is waited for (bounded), so the page shows the outcome. Only for a
 * pending order this shopper could read, and never for the offline provider.
 */
export async function syncOnReturn(
  deps: StorefrontDeps,
  req: Request,
  shop: Shop,
  order: Order,
): Promise<Order> {
  if (order.status !== 'PENDING' || typeof req.query.redirect_status !== 'string') return order;
  const payment = await deps.payment.ofOrder(shop.call, order.id).catch(() => null);
  if (!payment || payment.provider === 'offline') return order;
  if (payment.status === 'pending') {
    const synced = await deps.payment.sync(shop.call, payment.paymentId).catch(() => null);
    if (synced?.providerStatus !== 'succeeded') return order;
  } else if (payment.status !== 'succeeded') return order;
  const token = tokenOf(req, shop, order.id);
  await settled(deps, shop, order.id, token, (o) => o.status !== 'PENDING');
  return (await deps.order.get(shop.call, order.id, token)) ?? order;
}

/**
 * The order page. A pending order of a store in test mode on the offline provider gets the test
 * buttons; a pending Stripe or Razorpay payment gets the provider's form (Payment Element or
 * Checkout), whose script and origins are added to this page only. `order` was read with the
 * shopper's own token or account, so its payment may be read as the storefront.
 */
export async function sendOrderPage(
  deps: StorefrontDeps,
  req: Request,
  res: Response,
  order: Order,
  opts: { justPlaced?: boolean; error?: string; notice?: string; status?: number },
): Promise<void> {
  const shop = shopOf(res);
  const key = shop.session.orders[order.id];
  const provider = shop.info.payment.provider;
  const canPay =
    order.status === 'PENDING' && shop.testMode && provider === 'offline' && Boolean(key?.paymentId);
  // Payment unreachable: the order page still shows the order (the form waits for a reload).
  const payment =
    order.status === 'PENDING' && !canPay
      ? await deps.payment.ofOrder(shop.call, order.id).catch(() => null)
      : null;
  const online = providerCheckout(payment, {
    orderUrl: `${shop.origin}/orders/${encodeURIComponent(order.id)}`,
    storeName: shop.info.name,
    email: shop.session.customer?.email ?? key?.email,
  });
  const pendingProvider = payment?.provider ?? provider;
  return sendStorePage(deps, req, res, {
    template: 'order',
    status: opts.status ?? 200,
    data: {
      order: {
        ...order,
        status_label: statusLabel(order.status),
        can_cancel: CANCELLABLE.has(order.status),
        shipments: (order.shipments ?? []).map((s) => ({
          ...s,
          status_label: shipmentLabel(s.status),
          events: s.events.map((e) => ({ ...e, label: shipmentLabel(e.status), day: e.at.slice(0, 10) })),
        })),
        returns: order.returns ?? [],
        returnable_lines: RETURNABLE.has(order.status) ? returnableLines(order) : [],
        return_action: `/orders/${encodeURIComponent(order.id)}/returns${tokenSuffix(req, shop, order.id)}`,
      },
      payment: {
        can_pay: canPay,
        online,
        pending_provider:
          order.status === 'PENDING' && !canPay && !online && pendingProvider !== 'offline'
            ? pendingProvider
            : null,
      },
      just_placed: opts.justPlaced ?? false,
      error: opts.error,
      notice: opts.notice,
    },
    meta: { title: `Order ${order.id} | ${shop.info.name}`, robots: 'noindex' },
    ...(online ? { csp: PROVIDER_PAGES[online.provider].csp } : {}),
  });
}
