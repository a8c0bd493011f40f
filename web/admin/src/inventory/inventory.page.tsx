import { useState, type FormEvent } from 'react';
import {
  Field,
  Link,
  Loading,
  navigate,
  Page,
  UrlPager,
  ProblemAlert,
  useLoad,
  useRoute,
  withQuery,
} from '@fleet/web-common';
import { api, type Page as ApiPage, type StockLevel } from '../api';
import { OnHandForm } from './on-hand-form';
import { variantNames, type VariantName } from './variant-names';

const DEFAULT_THRESHOLD = '5';

/**
 * Stock per variant (`GET /api/admin/inventory`), paged on the server; "low stock only" and its
 * threshold live in the URL. Each row sets its units on hand.
 */
export function InventoryPage() {
  const route = useRoute();
  const low = route.query.get('lowStock') === 'true';
  const threshold = route.query.get('threshold') ?? DEFAULT_THRESHOLD;
  const cursor = route.query.get('cursor') ?? undefined;
  const [thresholdText, setThresholdText] = useState(threshold);
  const { data, error, loading } = useLoad(async () => {
    const page = await api.request<ApiPage<StockLevel>>('GET', '/api/admin/inventory', {
      query: {
        lowStock: low ? 'true' : undefined,
        threshold: low ? threshold : undefined,
        cursor,
        limit: 20,
      },
    });
    return { page, names: await variantNames(page.items.map((l) => l.productId)) };
  }, [low, threshold, cursor]);
  const [saved, setSaved] = useState<Record<string, StockLevel>>({});
  const filter = (e: FormEvent) => {
    e.preventDefault();
    navigate(withQuery(route, { threshold: thresholdText.trim(), cursor: undefined }));
  };
  return (
    <Page title="Inventory">
      <form className="filters" onSubmit={filter} aria-label="Filter stock">
        <div className="field">
          <label>
            <input
              type="checkbox"
              checked={low}
              onChange={(e) =>
                navigate(
                  withQuery(route, { lowStock: e.target.checked ? 'true' : undefined, cursor: undefined }),
                )
              }
            />{' '}
            Low stock only
          </label>
        </div>
        <Field
          label="Low at or below"
          name="threshold"
          inputMode="numeric"
          value={thresholdText}
          onChange={(e) => setThresholdText(e.target.value)}
          hint="Units available"
        />
        <div className="field">
          <button type="submit">Apply</button>
        </div>
      </form>
      <ProblemAlert error={error} />
      {loading && !data && <Loading what="stock" />}
      {data && data.page.items.length === 0 && (
        <p className="muted">
          {low ? 'Nothing runs low.' : 'No stock recorded yet.'} Units are set when you add a product or here.
        </p>
      )}
      {data && data.page.items.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="muted">
              Stock by variant{low ? `, available at or below ${threshold}` : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Variant</th>
                <th scope="col" className="num">
                  Available
                </th>
                <th scope="col" className="num hide-narrow">
                  Reserved
                </th>
                <th scope="col">On hand</th>
              </tr>
            </thead>
            <tbody>
              {data.page.items.map((item) => {
                const level = saved[item.variantId] ?? item;
                const name = data.names.get(level.variantId);
                const label = name ? `${name.product} ${name.variant || name.sku}` : level.variantId;
                return (
                  <tr key={level.variantId} data-variant={level.variantId}>
                    <td>
                      <VariantCell name={name} variantId={level.variantId} />
                    </td>
                    <td className="num">
                      {level.available}{' '}
                      {level.available <= Number(threshold) && <span className="badge low">low</span>}
                    </td>
                    <td className="num hide-narrow">{level.reserved}</td>
                    <td>
                      <OnHandForm
                        level={level}
                        label={label}
                        onSaved={(next) => setSaved((s) => ({ ...s, [next.variantId]: next }))}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <UrlPager nextCursor={data?.page.nextCursor} />
    </Page>
  );
}

function VariantCell({ name, variantId }: { name?: VariantName; variantId: string }) {
  if (!name) return <span className="muted">{variantId}</span>;
  return (
    <>
      <Link to={`/products/${name.productId}`}>{name.product}</Link>
      <br />
      {name.variant} <span className="muted">{name.sku}</span>
    </>
  );
}
