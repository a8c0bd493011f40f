import { ConfirmButton } from '@fleet/web-common';
import { api, type OrderDetail } from '../api';

type Parcel = OrderDetail['shipments'][number];

/** What the merchant may report next for a parcel (the shipment service's transition table). */
const NEXT: Readonly<Record<Parcel['status'], ReadonlyArray<readonly [string, string]>>> = {
  CREATED: [
    ['IN_TRANSIT', 'Mark in transit'],
    ['LOST', 'Mark lost'],
  ],
  IN_TRANSIT: [
    ['DELIVERED', 'Mark delivered'],
    ['RETURNED', 'Mark returned'],
    ['LOST', 'Mark lost'],
  ],
  DELIVERED: [['RETURNED', 'Mark returned']],
  RETURNED: [],
  LOST: [],
};

/** The order's parcels (from the carrier flow): tracking, steps, and the moves the merchant reports. */
export function ParcelsCard({ order, onDone }: { order: OrderDetail; onDone: () => void }) {
  if (order.shipments.length === 0) return null;
  const move = async (id: string, status: string) => {
    await api.request('POST', `/api/admin/shipments/${id}/status`, { body: { status } });
    onDone();
  };
  return (
    <section className="card" aria-labelledby="parcels">
      <h2 id="parcels">Parcels</h2>
      {order.shipments.map((s) => (
        <div key={s.id} data-testid="parcel">
          <p>
            {s.carrierName} ·{' '}
            <strong className="badge" data-testid="parcel-status">
              {s.status}
            </strong>
          </p>
          <p>
            Tracking:{' '}
            {s.trackingUrl ? (
              <a href={s.trackingUrl} rel="noopener noreferrer" target="_blank">
                {s.trackingNumber}
              </a>
            ) : (
              s.trackingNumber
            )}
          </p>
          <ol className="timeline">
            {s.events.map((e, i) => (
              <li key={i}>
                <time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time>: {e.status}
              </li>
            ))}
          </ol>
          <div className="actions">
            {NEXT[s.status].map(([status, label]) => (
              <ConfirmButton
                key={status}
                label={label}
                title={`${label}?`}
                message="The order follows the parcel: in transit ships it, delivered delivers it."
                onConfirm={() => move(s.id, status)}
              />
            ))}
          </div>
        </div>
      ))}
    </section>
  );
}
