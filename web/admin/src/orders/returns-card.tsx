import { ConfirmButton, formatMoney } from '@fleet/web-common';
import { api, type OrderDetail } from '../api';

interface ReturnItem {
  id: string;
  status: 'REQUESTED' | 'ACCEPTED' | 'REJECTED' | 'RECEIVED' | 'REFUNDED';
  reason?: string | null;
  refundAmount?: number | null;
  lines?: Array<{ title: string; quantity: number }>;
}

/** The shopper's return requests and the merchant's next step for each. */
export function ReturnsCard({ order, onDone }: { order: OrderDetail; onDone: () => void }) {
  const returns = order.returns as ReturnItem[];
  if (returns.length === 0) return null;
  const act = async (id: string, step: string, body: unknown = {}) => {
    await api.request('POST', `/api/admin/returns/${id}/${step}`, { body });
    onDone();
  };
  return (
    <section className="card" aria-labelledby="returns">
      <h2 id="returns">Returns</h2>
      {returns.map((r) => (
        <div key={r.id} data-testid="return">
          <p>
            {(r.lines ?? []).map((l) => `${l.quantity} × ${l.title}`).join(', ')} ·{' '}
            <strong className="badge">{r.status}</strong>
            {r.refundAmount != null && ` · refund ${formatMoney(r.refundAmount, order.currency)}`}
          </p>
          {r.reason && <p className="muted">“{r.reason}”</p>}
          <div className="actions">
            {r.status === 'REQUESTED' && (
              <>
                <ConfirmButton
                  label="Accept"
                  title="Accept this return?"
                  message="The shopper may send the units back."
                  onConfirm={() => act(r.id, 'accept')}
                />
                <ConfirmButton
                  label="Reject"
                  title="Reject this return?"
                  message="The units stay with the shopper."
                  onConfirm={() => act(r.id, 'reject')}
                />
              </>
            )}
            {r.status === 'ACCEPTED' && (
              <>
                <ConfirmButton
                  label="Received, restock"
                  title="Put the units back in stock?"
                  message="They become available to sell again."
                  onConfirm={() => act(r.id, 'receive', { restock: true })}
                />
                <ConfirmButton
                  label="Received, do not restock"
                  title="Received damaged?"
                  message="Stock stays as it is."
                  onConfirm={() => act(r.id, 'receive', { restock: false })}
                />
              </>
            )}
            {r.status === 'RECEIVED' && (
              <ConfirmButton
                label="Refund"
                title="Refund this return?"
                message="The money goes back through the order's payment."
                onConfirm={() => act(r.id, 'refund')}
              />
            )}
          </div>
        </div>
      ))}
    </section>
  );
}
