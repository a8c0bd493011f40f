import { randomUUID } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import type { Cart } from '../data-access/cart.client';
import type { Problem } from '../data-access/internal-call';
import type { StorefrontDeps } from '../domain/storefront-deps';
import { field, fieldErrors, formBody, requireCsrf, seeOther } from './forms';
import { sendStorePage } from './render';
import { shopOf } from './shop';

const ADDRESS_FIELDS = [
  { id: 'name', label: 'Full name', autocomplete: 'name', required: true },
  { id: 'line1', label: 'Address', autocomplete: 'address-line1', required: true },
  { id: 'line2', label: 'Apartment, suite', autocomplete: 'address-line2', required: false },
  { id: 'city', label: 'City', autocomplete: 'address-level2', required: true },
  { id: 'region', label: 'State or region', autocomplete: 'address-level1', required: false },
  { id: 'postalCode', label: 'Postal code', autocomplete: 'postal-code', required: true },
  { id: 'country', label: 'Country code (such as US, DE, IN)', autocomplete: 'country', required: true },
] as const;

const KEY = /^[0-9a-f-]{36}$/;

/**
 * Checkout: the form (email, address) with the order summary priced from the store's rates, and
 * the post that creates the order. Each rendered form carries a fresh Idempotency-Key, so a
 * double submit places one order; a refused attempt gets a new key with the re-rendered form.
 */
export function checkoutRoutes(deps: StorefrontDeps): Router {
  const router = Router();

  router.get('/checkout', async (req, res) => {
    const shop = shopOf(res);
    const cart = shop.session.cart ? await deps.cart.get(shop.call, shop.session.cart.id) : null;
    if (!cart || cart.items.length === 0) return seeOther(res, '/cart');
    await sendCheckout(deps, req, res, cart, { email: shop.session.customer?.email ?? '' }, {});
  });

  router.post('/checkout', formBody, requireCsrf, async (req, res) => {
    const shop = shopOf(res);
    const cart = shop.session.cart ? await deps.cart.get(shop.call, shop.session.cart.id) : null;
    if (!cart || cart.items.length === 0) return seeOther(res, '/cart');
    const form: Record<string, string> = { email: field(req, 'email', 320).trim() };
    for (const f of ADDRESS_FIELDS) form[f.id] = field(req, f.id, 300).trim();
    form.country = (form.country ?? '').toUpperCase();
    const key = field(req, 'idempotencyKey', 36);
    const address = Object.fromEntries(
      ADDRESS_FIELDS.filter((f) => f.required || form[f.id]).map((f) => [f.id, form[f.id] ?? '']),
    );
    const answer = await deps.checkout.checkout(
      shop.call,
      { cartId: cart.id, email: form.email ?? '', shippingAddress: address as never },
      KEY.test(key) ? key : randomUUID(),
    );
    if (answer.status === 200 || answer.status === 201) {
      const placed = answer.body;
      shop.session.addOrder(placed.orderId, {
        token: placed.orderToken,
        paymentId: placed.payment.paymentId,
        ...(form.email && form.email.length <= 100 ? { email: form.email } : {}),
      });
      shop.session.setCart({ id: cart.id, count: 0 });
      return seeOther(res, `/orders/${encodeURIComponent(placed.orderId)}?placed=1`);
    }
    const problem = answer.body as unknown as Problem;
    const errors = fieldErrors(problem);
    const general =
      problem.code === 'out_of_stock'
        ? 'Some items are no longer available in that quantity. Change your cart and try again.'
        : Object.keys(errors).length
          ? 'Please correct the fields marked below.'
          : (problem.detail ?? 'The order could not be placed.');
    await sendCheckout(deps, req, res, cart, form, errors, general, answer.status);
  });

  return router;
}

async function sendCheckout(
  deps: StorefrontDeps,
  req: Request,
  res: Response,
  cart: Cart,
  form: Record<string, string>,
  errors: Record<string, string>,
  error?: string,
  status = 200,
): Promise<void> {
  const shop = shopOf(res);
  const rates = await deps.registry.rates(shop.call);
  const subtotal = cart.subtotal ?? 0;
  const shipping = rates?.shippingFlatRate ?? 0;
  const tax = Math.round((subtotal * (rates?.taxRateBps ?? 0)) / 10_000);
  await sendStorePage(deps, req, res, {
    template: 'checkout',
    status,
    data: {
      cart,
      form,
      errors,
      error,
      checkout: {
        idempotency_key: randomUUID(),
        fields: ADDRESS_FIELDS.map((f) => ({ ...f, value: form[f.id] ?? '', error: errors[f.id] ?? null })),
        subtotal,
        shipping,
        tax,
        total: subtotal + shipping + tax,
        currency: cart.currency ?? shop.info.currency,
      },
    },
    meta: { title: `Checkout | ${shop.info.name}`, robots: 'noindex' },
  });
}
