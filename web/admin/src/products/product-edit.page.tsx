import { useState, type FormEvent } from 'react';
import {
  ApiError,
  ConfirmButton,
  Field,
  fieldErrors,
  Link,
  Loading,
  navigate,
  Page,
  ProblemAlert,
  Select,
  useLoad,
} from '@fleet/web-common';
import {
  api,
  type Category,
  type Collection,
  type Page as ApiPage,
  type Product,
  type StoreSettings,
} from '../api';
import { bodyOf, draftOf, emptyVariant, type ProductDraft } from './product-form';
import { ChoiceList } from './choice-list';
import { VariantsEditor } from './variants-editor';

/** Create (no id) or edit a product, with its variants; delete asks first. */
export function ProductEditPage({ id }: { id?: string }) {
  const { data, error, loading } = useLoad(async () => {
    const [product, categories, collections, settings] = await Promise.all([
      id ? api.request<Product>('GET', `/api/admin/products/${id}`) : Promise.resolve(undefined),
      api.request<ApiPage<Category>>('GET', '/api/admin/categories', { query: { limit: 100 } }),
      api.request<ApiPage<Collection>>('GET', '/api/admin/collections', { query: { limit: 100 } }),
      api.request<StoreSettings>('GET', '/api/admin/settings/store'),
    ]);
    return {
      product,
      categories: categories.items,
      collections: collections.items,
      currency: settings.currency,
    };
  }, [id]);
  const title = id ? (data?.product?.title ?? 'Product') : 'New product';
  return (
    <Page title={title}>
      <p>
        <Link to="/products">← All products</Link>
      </p>
      <ProblemAlert error={error} />
      {loading && !data && <Loading what="the product" />}
      {data && (
        <ProductForm
          product={data.product}
          categories={data.categories}
          collections={data.collections}
          currency={data.currency}
        />
      )}
    </Page>
  );
}

function ProductForm({
  product,
  categories,
  collections,
  currency,
}: {
  product?: Product;
  categories: Category[];
  collections: Collection[];
  currency: string;
}) {
  const [draft, setDraft] = useState<ProductDraft>(() => draftOf(product));
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error);
  const set = (change: Partial<ProductDraft>) => setDraft((d) => ({ ...d, ...change }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      const body = bodyOf(draft, currency);
      if (product) {
        const next = await api.request<Product>('PATCH', `/api/admin/products/${product.id}`, { body });
        setDraft(draftOf(next));
        setSaved(true);
      } else {
        const created = await api.request<Product>('POST', '/api/admin/products', { body });
        navigate(`/products/${created.id}?created=1`, { replace: true });
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    if (!product) return;
    await api.request('DELETE', `/api/admin/products/${product.id}`);
    navigate('/products');
  };
  const shown = Object.keys(errors).filter((p) => !(error instanceof ApiError) || p !== '');
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      {(saved || new URLSearchParams(window.location.search).has('created')) && !error && (
        <p className="notice" role="status">
          Saved.
        </p>
      )}
      <section className="card">
        <h2>Details</h2>
        <Field
          label="Title"
          name="title"
          required
          value={draft.title}
          onChange={(e) => set({ title: e.target.value })}
          error={errors.title}
        />
        <div className="field">
          <label htmlFor="description">Description</label>
          <textarea
            id="description"
            rows={4}
            value={draft.description}
            onChange={(e) => set({ description: e.target.value })}
          />
          {errors.description && <span className="field-error">{errors.description}</span>}
        </div>
        <Select
          label="Status"
          name="status"
          value={draft.status}
          options={[
            ['active', 'Active (on sale)'],
            ['draft', 'Draft (hidden from the shop)'],
            ['archived', 'Archived'],
          ]}
          onChange={(e) => set({ status: e.target.value as ProductDraft['status'] })}
          error={errors.status}
        />
        <div className="field">
          <label htmlFor="images">Image URLs, one per line</label>
          <textarea
            id="images"
            rows={3}
            value={draft.images}
            aria-invalid={Object.keys(errors).some((p) => p.startsWith('images')) || undefined}
            onChange={(e) => set({ images: e.target.value })}
          />
          {Object.entries(errors)
            .filter(([p]) => p.startsWith('images'))
            .map(([p, m]) => (
              <span key={p} className="field-error">
                Image {Number(p.split('.')[1] ?? 0) + 1}: {m}
              </span>
            ))}
        </div>
        <ChoiceList
          legend="Categories"
          choices={categories.map((c) => ({ id: c.id, label: c.name }))}
          value={draft.categoryIds}
          error={errors.categoryIds}
          onChange={(categoryIds) => set({ categoryIds })}
        />
        <ChoiceList
          legend="Collections"
          choices={collections.map((c) => ({ id: c.id, label: c.title }))}
          value={draft.collectionIds}
          error={errors.collectionIds}
          onChange={(collectionIds) => set({ collectionIds })}
        />
      </section>
      <VariantsEditor
        currency={currency}
        draft={draft}
        errors={errors}
        onChange={set}
        onAdd={() => set({ variants: [...draft.variants, emptyVariant()] })}
      />
      <ProblemAlert error={error} shownPaths={shown} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {product ? 'Save product' : 'Create product'}
        </button>
        {product && (
          <ConfirmButton
            label="Delete product"
            title="Delete this product?"
            message={`"${product.title}" and its variants leave the shop and the admin. This cannot be undone.`}
            danger
            onConfirm={remove}
          />
        )}
      </div>
    </form>
  );
}
