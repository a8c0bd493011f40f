import type { NotificationType } from '@fleet/api-contract';

const order = {
  id: 'ord_01sample0000000000000000000',
  total: 5_850,
  currency: 'USD',
  items: [
    { title: 'Linen shirt', productId: 'prod_sample1', quantity: 1, unitPrice: 4_500 },
    { title: 'Canvas tote', productId: 'prod_sample2', quantity: 1, unitPrice: 1_350 },
  ],
  reason: null,
};
const shipment = {
  orderId: order.id,
  carrierName: 'Parcel Express',
  trackingNumber: 'PX123456789',
  trackingUrl: 'https://track.example.com/PX123456789',
};
const inADay = () => new Date(Date.now() + 86_400_000).toISOString();

/** What a preview renders with, per type: the shapes real events give (notification-plan.ts). */
export function sampleData(type: NotificationType): Record<string, unknown> {
  switch (type) {
    case 'order_confirmation':
    case 'order_cancelled':
      return { order };
    case 'payment_failed':
      return { order: { id: order.id }, payment: { reason: 'card_declined' } };
    case 'order_shipped':
    case 'order_delivered':
      return { order: { id: order.id }, shipment };
    case 'order_refunded':
      return {
        order: { id: order.id },
        refund: {
          orderId: order.id,
          amount: 4_500,
          refundedAmount: 4_500,
          currency: 'USD',
          fullyRefunded: false,
        },
      };
    case 'return_update':
      return {
        return: {
          returnId: 'ret_01sample',
          orderId: order.id,
          status: 'ACCEPTED',
          event: 'accepted',
          lines: [{ quantity: 1 }],
          refundAmount: 4_500,
          restock: true,
          currency: 'USD',
        },
      };
    case 'password_reset':
    case 'email_verification':
      return {
        account: {
          audience: 'customer',
          email: 'shopper@example.com',
          name: 'Sam Shopper',
          token: 'sample',
          expiresAt: inADay(),
        },
      };
  }
}
