import { paymentSettingsBody as documented, PROVIDER_NAMES as documentedNames } from '@fleet/api-contract';
import { z } from 'zod';
import { PROVIDER_NAMES } from '../src/domain/providers/registry';
import { paymentSettingsBody } from '../src/http/settings.schemas';

/**
 * Payment validates the settings body with the registered providers' own credential forms; the
 * contract documents that body. A provider registered without its entry in the contract (or the
 * other way round) fails here, so the document cannot lie about what the route accepts.
 */
const shape = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
const byProvider = (json: ReturnType<typeof shape>) =>
  Object.fromEntries(
    (
      (json as { oneOf?: unknown[]; anyOf?: unknown[] }).oneOf ??
      (json as { anyOf?: unknown[] }).anyOf ??
      []
    ).map((o) => [(o as { properties: { provider: { const: string } } }).properties.provider.const, o]),
  );

test('the contract names the registered providers', () => {
  expect([...documentedNames].sort()).toEqual([...PROVIDER_NAMES].sort());
});

test('the contract documents the settings body payment validates with', () => {
  const accepted = byProvider(shape(paymentSettingsBody));
  expect(Object.keys(accepted).sort()).toEqual([...PROVIDER_NAMES].sort());
  expect(byProvider(shape(documented))).toEqual(accepted);
});
