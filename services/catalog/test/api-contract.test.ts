import { productBody, productPatchBody } from '@fleet/api-contract';
import { z } from 'zod';
import { productInput, productPatch } from '../src/domain/products/product-input';

/**
 * The product bodies validate with catalog's domain schemas (their rules across variants and the
 * currency table have no JSON Schema); the contract documents their shape. Both must describe
 * the same JSON, or the document would lie about what the route accepts.
 */
const shape = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

test('the contract documents the product create body catalog validates with', () => {
  expect(shape(productBody)).toEqual(shape(productInput));
});

test('the contract documents the product patch body catalog validates with', () => {
  expect(shape(productPatchBody)).toEqual(shape(productPatch));
});
