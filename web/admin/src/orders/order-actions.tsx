import { useRef, useState } from 'react';
import { ConfirmButton, Field, formatMoney, toMajorText, toMinor } from '@fleet/web-common';
import { api, type OrderDetail } from '../api';

/** The actions the order's state machine allows now, each confirmed first; refusals shown in the dialog. */
export function OrderActions({
  order,
  onDone,
  onRefunded,
}: {
  order: OrderDetail;
  onDone: () => void;
  /** A refund was accepted: the order's refunded total follows when payment confirms it. */
  onRefunded: (amount: number) => void;
}) {
  const [carrier, setCarrier] = useState('');
  const [tracking, setTracking] = useState('');
  const [amount, setAmount] = useState('');
  // One Idempotency-Key per refund attempt: a retried click of the same amount reuses it.
  const refundAttempt = useRef<{ amount: string; key: string }>(undefined);
  const post = async (action: string, body: unknown, headers?: Record<string, string>) => {
    const answer = await api.request<{ amount?: number }>('POST', `/api/admin/orders/${order.id}/${action}`, {
      body,
      headers,
    });
    onDone();
    return answer;
  };
  const refundable = order.payment ? (order.paidAmount ?? 0) - order.refundedAmount : 0;
  const money = (n: number) => formatMoney(n, order.currency);
  return (
    <div className="actions">
      {order.status === 'PLACED' && (
        <ConfirmButton
          label="Fulfil"
          title="Fulfil this order?"
          message="The items are packed and ready to ship."
          onConfirm={async () =>
            void (await post('fulfill', carrier.trim() ? { carrier: carrier.trim() } : {}))
          }
        >
          <Field
            label="Carrier (optional)"
            name="carrier"
            value={carrier}
            onChange={(e) => setCarrier(e.target.value)}
          />
        </ConfirmButton>
      )}
      {order.status === 'FULFILLED' && (
        <ConfirmButton
          label="Ship"
          title="Mark as shipped?"
          message="The shopper sees the carrier and tracking number."
          onConfirm={() =>
            post('ship', {
              ...(carrier.trim() ? { carrier: carrier.trim() } : {}),
              ...(tracking.trim() ? { trackingNumber: tracking.trim() } : {}),
            })
          }
        >
          <Field
            label="Carrier"
            name="carrier"
            value={carrier}
            onChange={(e) => setCarrier(e.target.value)}
          />
          <Field
            label="Tracking number"
            name="trackingNumber"
            value={tracking}
            onChange={(e) => setTracking(e.target.value)}
          />
        </ConfirmButton>
      )}
      {order.status === 'SHIPPED' && (
        <ConfirmButton
          label="Mark delivered"
          title="Mark as delivered?"
          message="The parcel reached the shopper."
          onConfirm={() => post('deliver', {})}
        />
      )}
      {(order.status === 'PENDING' || order.status === 'PLACED') && (
        <ConfirmButton
          label="Cancel order"
          title="Cancel this order?"
          message="Stock goes back and any payment is refunded in full."
          danger
          onConfirm={() => post('cancel', {})}
        />
      )}
      {refundable > 0 && (
        <ConfirmButton
          label="Refund"
          title="Refund this order?"
          message={`Up to ${money(refundable)} can be refunded. Leave the amount empty to refund all of it.`}
          confirmLabel="Refund"
          danger
          onConfirm={async () => {
            const minor = amount.trim() ? toMinor(amount, order.currency) : undefined;
            if (refundAttempt.current?.amount !== amount) {
              refundAttempt.current = { amount, key: crypto.randomUUID() };
            }
            const refund = await post('refund', minor === undefined ? {} : { amount: minor }, {
              'idempotency-key': refundAttempt.current.key,
            });
            onRefunded(refund.amount ?? minor ?? refundable);
            refundAttempt.current = undefined;
            setAmount('');
          }}
        >
          <Field
            label={`Amount (${order.currency})`}
            name="amount"
            inputMode="decimal"
            placeholder={toMajorText(refundable, order.currency)}
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
          />
        </ConfirmButton>
      )}
    </div>
  );
}
