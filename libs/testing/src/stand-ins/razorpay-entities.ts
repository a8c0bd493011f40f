import { randomBytes } from 'node:crypto';

/**
 * The order, payment and refund entities as Razorpay's API and webhooks carry them (the fields
 * Fleet or the SDK read, plus enough of the rest that a payload looks like the real one).
 */

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Razorpay ids are a type prefix and 14 base62 characters: `order_KQ8rbhnBLd6Qm3`. */
export function razorpayId(prefix: string): string {
  let id = '';
  for (const byte of randomBytes(14)) id += BASE62[byte % 62];
  return prefix ? `${prefix}_${id}` : id;
}

/** Razorpay serialises empty notes as `[]` (its PHP heritage), filled ones as an object. */
export type RazorpayNotes = Record<string, string> | [];

export interface RazorpayOrderEntity {
  id: string;
  entity: 'order';
  amount: number;
  amount_paid: number;
  amount_due: number;
  currency: string;
  receipt: string | null;
  offer_id: null;
  status: 'created' | 'attempted' | 'paid';
  attempts: number;
  notes: RazorpayNotes;
  created_at: number;
}

export type RazorpayPaymentStatus = 'created' | 'authorized' | 'captured' | 'refunded' | 'failed';

export interface RazorpayPaymentEntity {
  id: string;
  entity: 'payment';
  amount: number;
  currency: string;
  status: RazorpayPaymentStatus;
  order_id: string | null;
  invoice_id: null;
  international: boolean;
  method: string;
  amount_refunded: number;
  refund_status: 'partial' | 'full' | null;
  captured: boolean;
  description: string | null;
  card_id: null;
  bank: null;
  wallet: null;
  vpa: string | null;
  email: string;
  contact: string;
  notes: RazorpayNotes;
  fee: number | null;
  tax: number | null;
  error_code: string | null;
  error_description: string | null;
  error_source: string | null;
  error_step: string | null;
  error_reason: string | null;
  acquirer_data: Record<string, string | null>;
  created_at: number;
}

export interface RazorpayRefundEntity {
  id: string;
  entity: 'refund';
  amount: number;
  currency: string;
  payment_id: string;
  notes: RazorpayNotes;
  receipt: string | null;
  acquirer_data: { arn: string | null };
  created_at: number;
  batch_id: null;
  status: 'pending' | 'processed' | 'failed';
  speed_processed: 'normal';
  speed_requested: 'normal';
}

export const unixNow = (): number => Math.floor(Date.now() / 1000);

export function razorpayNotes(notes: Record<string, string> | undefined): RazorpayNotes {
  return notes && Object.keys(notes).length > 0 ? { ...notes } : [];
}

export interface PaymentEntityInput {
  orderId: string | null;
  amount: number;
  currency: string;
  status: RazorpayPaymentStatus;
  id?: string;
  email?: string;
}

/** A UPI payment as Checkout makes it; a failed one carries Razorpay's error fields. */
export function razorpayPaymentEntity(input: PaymentEntityInput): RazorpayPaymentEntity {
  const failed = input.status === 'failed';
  const captured = input.status === 'captured' || input.status === 'refunded';
  return {
    id: input.id ?? razorpayId('pay'),
    entity: 'payment',
    amount: input.amount,
    currency: input.currency,
    status: input.status,
    order_id: input.orderId,
    invoice_id: null,
    international: false,
    method: 'upi',
    amount_refunded: 0,
    refund_status: null,
    captured,
    description: null,
    card_id: null,
    bank: null,
    wallet: null,
    vpa: 'shopper@okstandin',
    email: input.email ?? 'shopper@example.com',
    contact: '+919000090000',
    notes: [],
    fee: captured ? Math.round(input.amount * 0.02) : null,
    tax: captured ? 0 : null,
    error_code: failed ? 'BAD_REQUEST_ERROR' : null,
    error_description: failed ? 'Payment failed because the payer declined it.' : null,
    error_source: failed ? 'customer' : null,
    error_step: failed ? 'payment_authentication' : null,
    error_reason: failed ? 'payment_declined' : null,
    acquirer_data: failed ? {} : { rrn: String(Date.now()).slice(-12) },
    created_at: unixNow(),
  };
}

export interface RefundEntityInput {
  paymentId: string;
  amount: number;
  currency: string;
  receipt?: string | null;
  notes?: Record<string, string>;
  id?: string;
}

/** Refunds in the stand-in are processed at once (Razorpay's normal speed settles later). */
export function razorpayRefundEntity(input: RefundEntityInput): RazorpayRefundEntity {
  return {
    id: input.id ?? razorpayId('rfnd'),
    entity: 'refund',
    amount: input.amount,
    currency: input.currency,
    payment_id: input.paymentId,
    notes: razorpayNotes(input.notes),
    receipt: input.receipt ?? null,
    acquirer_data: { arn: null },
    created_at: unixNow(),
    batch_id: null,
    status: 'processed',
    speed_processed: 'normal',
    speed_requested: 'normal',
  };
}
