import { paymentSettingsBody as documented, PROVIDER_NAMES as documentedNames } from '@fleet/api-contract';
import { PROVIDER_NAMES } from '../src/domain/providers/registry';
import { paymentSettingsBody } from '../src/http/settings.schemas';

/**
 * The contract documents the settings body and the provider names from the one provider list
 * (`@fleet/payment-providers`); payment validates with the same schema and implements exactly the
 * listed names (the registry does not compile otherwise; this holds it at run time too).
 */
test('the contract names the implemented providers', () => {
  expect([...documentedNames].sort()).toEqual([...PROVIDER_NAMES].sort());
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
