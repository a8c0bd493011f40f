import { paymentSettingsBody as documented, PROVIDER_NAMES as documentedNames } from '@fleet/api-contract';
import { createRegisteredProviders, PROVIDER_NAMES } from '../src/domain/providers/registry';
import { paymentSettingsBody } from '../src/http/settings.schemas';

/**
 * The contract documents the settings body and the provider names from the one provider list
 * (`@fleet/payment-providers`); payment validates with the same schema and builds a strategy for
 * exactly the listed names (each folder's lazy `load`).
 */
test('the contract names the implemented providers', async () => {
  const implemented = (await createRegisteredProviders()).map((p) => p.name);
  expect([...documentedNames].sort()).toEqual([...implemented].sort());
});

test('payment validates the settings body with the schema the contract documents', () => {
  expect(paymentSettingsBody).toBe(documented);
  // Each implemented name is one of the body's options (an unknown one fails on `provider`).
  const onProvider = (provider: string) =>
    (documented.safeParse({ provider, credentials: {} }).error?.issues ?? []).filter(
      (i) => i.path[0] === 'provider',
    );
  expect(onProvider('paypal')).not.toEqual([]);
  for (const provider of PROVIDER_NAMES) expect(onProvider(provider)).toEqual([]);
});
