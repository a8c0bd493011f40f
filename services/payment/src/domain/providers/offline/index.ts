import { providerForm } from '@fleet/payment-providers';
import { defineProvider } from '../provider-module';
import { createOfflineProvider } from './offline.provider';

/** Simulated payments: no keys to give (its webhook secret is made and kept by the service). */
export const offline = defineProvider({
  ...providerForm('offline'),
  toCredentials: () => null,
  create: () => createOfflineProvider(),
});
