import { Field } from '@fleet/web-common';
import type { ProductDraft, VariantDraft } from './product-form';

/** The variants of a product: one fieldset each, errors by the API's `variants.N.field` paths. */
export function VariantsEditor({
  currency,
  draft,
  errors,
  onChange,
  onAdd,
}: {
  currency: string;
  draft: ProductDraft;
  errors: Record<string, string>;
  onChange: (change: Partial<ProductDraft>) => void;
  onAdd: () => void;
}) {
  const setVariant = (index: number, change: Partial<VariantDraft>) =>
    onChange({ variants: draft.variants.map((v, i) => (i === index ? { ...v, ...change } : v)) });
  const err = (i: number, field: string) => errors[`variants.${i}.${field}`];
  return (
    <section className="card">
      <h2>Variants</h2>
      <Field
        label="Option name (optional)"
        name="optionName"
        hint="What tells the variants apart, e.g. Size or Colour"
        value={draft.optionName}
        onChange={(e) => onChange({ optionName: e.target.value })}
        error={errors.options ?? errors['options.0']}
      />
      {errors.variants && <p className="field-error">{errors.variants}</p>}
      {draft.variants.map((v, i) => (
        <fieldset key={i}>
          <legend>Variant {i + 1}</legend>
          <div className="grid">
            <Field
              label="SKU"
              name={`variants.${i}.sku`}
              value={v.sku}
              onChange={(e) => setVariant(i, { sku: e.target.value })}
              error={err(i, 'sku')}
            />
            <Field
              label="Title"
              name={`variants.${i}.title`}
              value={v.title}
              onChange={(e) => setVariant(i, { title: e.target.value })}
              error={err(i, 'title')}
            />
            {draft.optionName.trim() && (
              <Field
                label={draft.optionName.trim()}
                name={`variants.${i}.option`}
                value={v.option}
                onChange={(e) => setVariant(i, { option: e.target.value })}
                error={err(i, 'options') ?? errors[`variants.${i}.options.${draft.optionName.trim()}`]}
              />
            )}
            <Field
              label={`Price (${currency})`}
              name={`variants.${i}.price`}
              inputMode="decimal"
              value={v.price}
              onChange={(e) => setVariant(i, { price: e.target.value })}
              error={err(i, 'price')}
            />
            <Field
              label={`Compare-at price (${currency})`}
              name={`variants.${i}.compareAt`}
              inputMode="decimal"
              hint="The former price, shown struck through"
              value={v.compareAt}
              onChange={(e) => setVariant(i, { compareAt: e.target.value })}
              error={err(i, 'compareAtPrice')}
            />
            <Field
              label="Prices in other currencies"
              name={`variants.${i}.otherPrices`}
              hint="e.g. EUR 17.99, GBP 15"
              value={v.otherPrices}
              onChange={(e) => setVariant(i, { otherPrices: e.target.value })}
              error={Object.entries(errors).find(([p]) => p.startsWith(`variants.${i}.prices`))?.[1]}
            />
            {!v.id && (
              <Field
                label="Units in stock"
                name={`variants.${i}.stock`}
                type="number"
                min={0}
                value={v.stock}
                onChange={(e) => setVariant(i, { stock: e.target.value })}
                error={err(i, 'stock')}
              />
            )}
          </div>
          {draft.variants.length > 1 && (
            <button
              type="button"
              onClick={() => onChange({ variants: draft.variants.filter((_, j) => j !== i) })}
            >
              Remove variant {i + 1}
            </button>
          )}
        </fieldset>
      ))}
      <button type="button" onClick={onAdd}>
        Add a variant
      </button>
    </section>
  );
}
