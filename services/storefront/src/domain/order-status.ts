/** How the shop names each order status. */
export const STATUS_LABELS: Readonly<Record<string, string>> = {
  PENDING: 'Awaiting payment',
  PLACED: 'Placed: paid and confirmed',
  CANCEL_REQUESTED: 'Being cancelled',
  CANCELLED: 'Cancelled',
  REJECTED: 'Not placed',
  FULFILLED: 'Shipped',
  SHIPPED: 'Shipped',
  DELIVERED: 'Delivered',
  RETURNED: 'Returned',
  PARTIALLY_RETURNED: 'Partly returned',
};

export const statusLabel = (status: string): string => STATUS_LABELS[status] ?? status;

/** Statuses in which a shopper may still ask to cancel (order decides; this only offers the button). */
export const CANCELLABLE: ReadonlySet<string> = new Set(['PENDING', 'PLACED']);
