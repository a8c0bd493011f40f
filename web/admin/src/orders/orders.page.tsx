import {
  formatMoney,
  Link,
  Loading,
  navigate,
  Page,
  UrlPager,
  ProblemAlert,
  Select,
  useLoad,
  useRoute,
  withQuery,
} from '@fleet/web-common';
import { SearchForm } from '../search-form';
import { api, isTestOrder, type OrderSummary, type Page as ApiPage } from '../api';

export const ORDER_STATUSES = [
  ['', 'Any status'],
  ['PENDING', 'Pending payment'],
  ['PLACED', 'Paid, to fulfil'],
  ['FULFILLED', 'Fulfilled'],
  ['SHIPPED', 'Shipped'],
  ['DELIVERED', 'Delivered'],
  ['CANCEL_REQUESTED', 'Cancelling'],
  ['CANCELLED', 'Cancelled'],
  ['REJECTED', 'Rejected'],
  ['RETURNED', 'Returned'],
  ['PARTIALLY_RETURNED', 'Partly returned'],
] as const;

/** Orders by status and search, newest first, paged on the server; the filters live in the URL. */
export function OrdersPage() {
  const route = useRoute();
  const q = route.query.get('q') ?? '';
  const status = route.query.get('status') ?? '';
  const cursor = route.query.get('cursor') ?? undefined;
  const { data, error, loading } = useLoad(
    () =>
      api.request<ApiPage<OrderSummary>>('GET', '/api/admin/orders', {
        query: { q, status, cursor, limit: 20 },
      }),
    [q, status, cursor],
  );
  return (
    <Page title="Orders">
      <SearchForm hint="Order number, or the start of the customer's e-mail">
        <Select
          label="Status"
          name="status"
          value={status}
          options={ORDER_STATUSES}
          onChange={(e) => navigate(withQuery(route, { status: e.target.value, cursor: undefined }))}
        />
      </SearchForm>
      <ProblemAlert error={error} />
      {loading && !data && <Loading what="orders" />}
      {data && data.items.length === 0 && (
        <p className="muted">
          No orders {q || status ? 'match these filters' : 'yet'}. Orders placed in your shop show here.
        </p>
      )}
      {data && data.items.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="muted">Orders, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col">Status</th>
                <th scope="col" className="hide-narrow">
                  Placed
                </th>
                <th scope="col" className="num">
                  Total
                </th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((o) => (
                <tr key={o.id}>
                  <td>
                    <Link to={`/orders/${o.id}`}>{o.id}</Link>{' '}
                    {isTestOrder(o) && <span className="badge test">test</span>}
                  </td>
                  <td>
                    <span className="badge">{o.status}</span>
                  </td>
                  <td className="hide-narrow">{new Date(o.createdAt).toLocaleString()}</td>
                  <td className="num">{formatMoney(o.total, o.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <UrlPager nextCursor={data?.nextCursor} />
    </Page>
  );
}
