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
import { api, type Page as ApiPage, type Product } from '../api';
import { ExportButton } from './export-button';
import { SearchForm } from '../search-form';

const STATUSES = [
  ['', 'Any status'],
  ['active', 'Active'],
  ['draft', 'Draft'],
  ['archived', 'Archived'],
] as const;

function priceRange(p: Product): string {
  const prices = p.variants.map((v) => v.price);
  const currency = p.variants[0]?.currency ?? 'USD';
  if (prices.length === 0) return '';
  const [min, max] = [Math.min(...prices), Math.max(...prices)];
  return min === max
    ? formatMoney(min, currency)
    : `${formatMoney(min, currency)} – ${formatMoney(max, currency)}`;
}

/** Products with search, status filter and server paging; the filters live in the URL. */
export function ProductsPage() {
  const route = useRoute();
  const q = route.query.get('q') ?? '';
  const status = route.query.get('status') ?? '';
  const cursor = route.query.get('cursor') ?? undefined;
  const { data, error, loading } = useLoad(
    () =>
      api.request<ApiPage<Product>>('GET', '/api/admin/products', {
        query: { q, status, cursor, limit: 20 },
      }),
    [q, status, cursor],
  );
  return (
    <Page
      title="Products"
      action={
        <div className="actions">
          <ExportButton />
          <Link to="/products/import">Import CSV</Link>
          <Link to="/products/new" className="button-link">
            Add product
          </Link>
        </div>
      }
    >
      <SearchForm hint="Title, handle or exact SKU">
        <Select
          label="Status"
          name="status"
          value={status}
          options={STATUSES}
          onChange={(e) => navigate(withQuery(route, { status: e.target.value, cursor: undefined }))}
        />
      </SearchForm>
      <ProblemAlert error={error} />
      {loading && !data && <Loading what="products" />}
      {data && data.items.length === 0 && (
        <p className="muted">
          No products {q || status ? 'match these filters' : 'yet'}. <Link to="/products/new">Add one</Link>{' '}
          or <Link to="/products/import">import a CSV</Link>.
        </p>
      )}
      {data && data.items.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="muted">Products, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Product</th>
                <th scope="col">Status</th>
                <th scope="col" className="hide-narrow">
                  Variants
                </th>
                <th scope="col" className="num">
                  Price
                </th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/products/${p.id}`}>{p.title}</Link>
                  </td>
                  <td>
                    <span className="badge">{p.status}</span>
                  </td>
                  <td className="hide-narrow">{p.variants.length}</td>
                  <td className="num">{priceRange(p)}</td>
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
