import { formatMoney, Link, Loading, Page, ProblemAlert, useLoad } from '@fleet/web-common';
import {
  api,
  isTestOrder,
  type OrderSummary,
  type Page as ApiPage,
  type Product,
  type StockLevel,
} from '../api';

const COUNTED = new Set(['PLACED', 'FULFILLED', 'SHIPPED', 'DELIVERED']);

/** Today's orders, newest first, up to 5 pages of 100 (the list is ordered by creation). */
async function todaysOrders(): Promise<OrderSummary[]> {
  const start = new Date();
  start.setHours(0, 0, 0, 0);
  const today: OrderSummary[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 5; page++) {
    const res = await api.request<ApiPage<OrderSummary>>('GET', '/api/admin/orders', {
      query: { limit: 100, cursor },
    });
    const fresh = res.items.filter((o) => new Date(o.createdAt) >= start);
    today.push(...fresh);
    if (!res.nextCursor || fresh.length < res.items.length) break;
    cursor = res.nextCursor;
  }
  return today;
}

function revenue(orders: OrderSummary[]): string {
  const sums = new Map<string, number>();
  for (const o of orders)
    if (COUNTED.has(o.status)) sums.set(o.currency, (sums.get(o.currency) ?? 0) + o.total);
  if (sums.size === 0) return formatMoney(0, orders[0]?.currency ?? 'USD');
  return [...sums].map(([currency, total]) => formatMoney(total, currency)).join(' + ');
}

/** "Linen Shirt — Medium (LIN-M)" for each low-stock variant, from its product (at most 10). */
async function variantNames(levels: StockLevel[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const ids = [...new Set(levels.map((l) => l.productId).filter((id): id is string => Boolean(id)))];
  const products = await Promise.all(
    ids.map((id) => api.request<Product>('GET', `/api/admin/products/${id}`).catch(() => undefined)),
  );
  for (const p of products) {
    for (const v of p?.variants ?? []) if (v.id) names.set(v.id, `${p?.title} — ${v.title} (${v.sku})`);
  }
  return names;
}

export function DashboardPage() {
  const { data, error, loading } = useLoad(async () => {
    const [today, waiting, low] = await Promise.all([
      todaysOrders(),
      api.request<ApiPage<OrderSummary>>('GET', '/api/admin/orders', {
        query: { status: 'PLACED', limit: 10 },
      }),
      api.request<ApiPage<StockLevel>>('GET', '/api/admin/inventory', {
        query: { lowStock: 'true', limit: 10 },
      }),
    ]);
    return { today, waiting, low, names: await variantNames(low.items) };
  }, []);
  return (
    <Page title="Dashboard">
      <ProblemAlert error={error} />
      {loading && !data && <Loading what="today's figures" />}
      {data && <Figures {...data} />}
    </Page>
  );
}

function Figures({
  today,
  waiting,
  low,
  names,
}: {
  today: OrderSummary[];
  waiting: ApiPage<OrderSummary>;
  low: ApiPage<StockLevel>;
  names: Map<string, string>;
}) {
  const live = today.filter((o) => !isTestOrder(o));
  const test = today.filter(isTestOrder);
  return (
    <>
      <div className="stats">
        <p className="stat">
          <span className="value">{live.length}</span> orders today
        </p>
        <p className="stat">
          <span className="value">{revenue(live)}</span> revenue today
        </p>
        <p className="stat">
          <span className="value">{test.length}</span> test orders today ({revenue(test)}), not counted
        </p>
      </div>
      <section className="card" aria-labelledby="waiting">
        <h2 id="waiting">Waiting for fulfilment</h2>
        {waiting.items.length === 0 ? (
          <p className="muted">Nothing to fulfil. New paid orders show here.</p>
        ) : (
          <ul>
            {waiting.items.map((o) => (
              <li key={o.id}>
                <Link to={`/orders/${o.id}`}>{o.id}</Link> · {formatMoney(o.total, o.currency)}
                {isTestOrder(o) && <span className="badge test">test</span>}
              </li>
            ))}
          </ul>
        )}
        <Link to="/orders?status=PLACED">All orders to fulfil</Link>
      </section>
      <section className="card" aria-labelledby="low">
        <h2 id="low">Low stock</h2>
        {low.items.length === 0 ? (
          <p className="muted">No variant is at 5 units or fewer.</p>
        ) : (
          <ul>
            {low.items.map((l) => (
              <li key={l.variantId}>
                {l.productId ? (
                  <Link to={`/products/${l.productId}`}>{names.get(l.variantId) ?? l.variantId}</Link>
                ) : (
                  l.variantId
                )}
                : {l.available} available ({l.onHand} on hand)
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
