import { useEffect, useState } from 'react';
import { formatMoney, Link, Loading, Page, ProblemAlert, useLoad } from '@fleet/web-common';
import { api, isTestOrder, type OrderDetail } from '../api';
import { OrderActions } from './order-actions';
import { ParcelsCard } from './parcels-card';
import { ReturnsCard } from './returns-card';
import { SagaTimeline } from './saga-timeline';
import { shipmentOf } from './shipment';

/** One order: lines, totals, customer, payment and refunds, history, and the allowed actions. */
export function OrderDetailPage({ id }: { id: string }) {
  const {
    data: order,
    error,
    loading,
    reload,
  } = useLoad(() => api.request<OrderDetail>('GET', `/api/admin/orders/${id}`), [id]);
  return (
    <Page title={`Order ${id}`}>
      <p>
        <Link to="/orders">← All orders</Link>
      </p>
      <ProblemAlert error={error} />
      {loading && !order && <Loading what="the order" />}
      {order && <Detail order={order} reload={reload} />}
    </Page>
  );
}

/** Payment confirms a refund by event: look again each second (10 times) until the total shows it. */
function useRefundWatch(order: OrderDetail, reload: () => void) {
  const [watch, setWatch] = useState<{ atLeast: number; tries: number }>();
  useEffect(() => {
    if (!watch || order.refundedAmount >= watch.atLeast || watch.tries >= 10) return;
    const timer = setTimeout(() => {
      setWatch({ ...watch, tries: watch.tries + 1 });
      reload();
    }, 1000);
    return () => clearTimeout(timer);
  }, [watch, order.refundedAmount, reload]);
  return {
    pending: watch !== undefined && order.refundedAmount < watch.atLeast,
    refunded: (amount: number) => setWatch({ atLeast: order.refundedAmount + amount, tries: 0 }),
  };
}

function Detail({ order, reload }: { order: OrderDetail; reload: () => void }) {
  const money = (n: number) => formatMoney(n, order.currency);
  const refund = useRefundWatch(order, reload);
  const a = order.shippingAddress;
  const address = a
    ? [a.name, a.line1, a.line2, [a.postalCode, a.city].filter(Boolean).join(' '), a.region, a.country]
        .filter(Boolean)
        .join(', ')
    : '—';
  return (
    <>
      <p>
        Status:{' '}
        <strong className="badge" data-testid="order-status">
          {order.status}
        </strong>{' '}
        {isTestOrder(order) && <span className="badge test">test order</span>}
        {order.statusReason && <span className="muted"> ({order.statusReason})</span>}
      </p>
      <OrderActions order={order} onDone={reload} onRefunded={refund.refunded} />
      {refund.pending && (
        <p role="status" className="notice">
          Refund accepted; waiting for the payment provider to confirm it…
        </p>
      )}
      <section className="card" aria-labelledby="lines">
        <h2 id="lines">Items</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col" className="num">
                  Qty
                </th>
                <th scope="col" className="num">
                  Total
                </th>
              </tr>
            </thead>
            <tbody>
              {order.items.map((i) => (
                <tr key={i.sku}>
                  <td>
                    {i.title} <span className="muted">{i.sku}</span>
                  </td>
                  <td className="num">{i.quantity}</td>
                  <td className="num">{money(i.lineTotal)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  Subtotal
                </th>
                <td className="num">{money(order.subtotal)}</td>
              </tr>
              <tr>
                <th scope="row" colSpan={2}>
                  Shipping
                </th>
                <td className="num">{money(order.shipping)}</td>
              </tr>
              <tr>
                <th scope="row" colSpan={2}>
                  Tax
                </th>
                <td className="num">{money(order.tax)}</td>
              </tr>
              <tr>
                <th scope="row" colSpan={2}>
                  Total
                </th>
                <td className="num">
                  <strong>{money(order.total)}</strong>
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      </section>
      <div className="grid">
        <section className="card" aria-labelledby="customer">
          <h2 id="customer">Customer</h2>
          <p>{order.email}</p>
          <p className="muted">{address}</p>
        </section>
        <section className="card" aria-labelledby="payment">
          <h2 id="payment">Payment</h2>
          <p>{order.payment ? `${order.payment.provider} · ${order.payment.paymentId}` : 'No payment yet'}</p>
          <p>
            Paid {money(order.paidAmount ?? 0)} · refunded{' '}
            <span data-testid="refunded">{money(order.refundedAmount)}</span>
          </p>
        </section>
        <ShipmentCard order={order} />
      </div>
      <ParcelsCard order={order} onDone={reload} />
      <ReturnsCard order={order} onDone={reload} />
      <section className="card" aria-labelledby="history">
        <h2 id="history">History</h2>
        <ol className="timeline">
          {order.statusHistory.map((h, i) => (
            <li key={i}>
              <time dateTime={h.at}>{new Date(h.at).toLocaleString()}</time>: {h.from ?? 'new'} →{' '}
              <strong>{h.to}</strong>
              {h.reason && <span className="muted"> ({h.reason})</span>}
            </li>
          ))}
        </ol>
      </section>
      {order.saga && <SagaTimeline saga={order.saga} />}
    </>
  );
}

/** Carrier and tracking number, once the order is handed to a carrier. */
function ShipmentCard({ order }: { order: OrderDetail }) {
  const { carrier, trackingNumber } = shipmentOf(order);
  if (!carrier && !trackingNumber) return null;
  return (
    <section className="card" aria-labelledby="shipment">
      <h2 id="shipment">Shipment</h2>
      <dl>
        <dt>Carrier</dt>
        <dd data-testid="carrier">{carrier ?? '—'}</dd>
        <dt>Tracking number</dt>
        <dd data-testid="tracking-number">{trackingNumber ?? '—'}</dd>
      </dl>
    </section>
  );
}
