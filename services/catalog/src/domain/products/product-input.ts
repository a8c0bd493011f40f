import { minorAmount as money, productFields, variantFields as variantShape } from '@fleet/api-contract';
import { z } from 'zod';
import { isCurrency, MAX_AMOUNT } from '../money';

export { idOf, slugInput } from '@fleet/api-contract';

/** The contract's fields (@fleet/api-contract, catalog.ts), currencies checked against the table. */
const currency = z.string().refine(isCurrency, 'is not a supported ISO 4217 currency code such as USD');
const variantFields = {
  ...variantShape,
  currency,
  /** Extra prices in other currencies. */
  prices: z
    .array(z.strictObject({ currency, amount: money }))
    .max(20)
    .optional(),
};

/**
 * `stock`: the units a new variant starts with. An existing variant's units belong to the
 * inventory service (`PUT /api/admin/inventory/{variantId}`); `stock` leaves them alone.
 */
const variantInput = z.strictObject({ ...variantFields, stock: z.int().min(0).max(MAX_AMOUNT) });
const variantPatchInput = z.strictObject({
  ...variantFields,
  stock: z.int().min(0).max(MAX_AMOUNT).optional(),
});

export type VariantInput = z.output<typeof variantPatchInput>;

/** A whole product (create, and each item of a bulk or import). */
export const productInput = z
  .strictObject({ ...productFields, variants: z.array(variantInput).min(1).max(100) })
  .superRefine((p, ctx) => variantIssues(p.variants, p.options ?? []).forEach((i) => ctx.addIssue(i)));

/** A partial change; `variants`, when given, replaces the whole set (ids kept for matching skus). */
export const productPatch = z
  .strictObject({
    ...productFields,
    title: productFields.title.optional(),
    variants: z.array(variantPatchInput).min(1).max(100).optional(),
  })
  .refine((p) => Object.keys(p).length > 0, 'at least one field is required')
  .superRefine((p, ctx) => variantIssues(p.variants ?? [], p.options).forEach((i) => ctx.addIssue(i)));

export type ProductInput = z.output<typeof productInput>;
export type ProductPatch = z.output<typeof productPatch>;

type Issue = { code: 'custom'; path: PropertyKey[]; message: string };

/**
 * Rules across variants: one currency per product (its prices sort and filter together), unique
 * SKUs, extra prices in other currencies only, and option keys among the product's options
 * (checked when `optionNames` is known).
 */
export function variantIssues(variants: readonly VariantInput[], optionNames?: readonly string[]): Issue[] {
  const issues: Issue[] = [];
  const add = (path: PropertyKey[], message: string) => issues.push({ code: 'custom', path, message });
  const seen = new Set<string>();
  variants.forEach((v, i) => {
    const first = variants[0]?.currency;
    if (v.currency !== first) add(['variants', i, 'currency'], `must be ${first}, like the first variant`);
    if (seen.has(v.sku)) add(['variants', i, 'sku'], 'is repeated in this product');
    seen.add(v.sku);
    const extra = new Set<string>();
    v.prices?.forEach((p, j) => {
      if (p.currency === v.currency || extra.has(p.currency))
        add(['variants', i, 'prices', j, 'currency'], 'repeats a currency this variant already has');
      extra.add(p.currency);
    });
    for (const key of Object.keys(v.options ?? {})) {
      if (optionNames && !optionNames.includes(key))
        add(['variants', i, 'options', key], "is not one of the product's options");
    }
  });
  return issues;
}
