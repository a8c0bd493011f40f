import { defineProvider } from '../provider-module';
import { offlineCredentials } from './credentials';

/** Simulated payments, the embedded default for demos and tests: no keys, no SDK. */
export const offline = defineProvider({
  name: 'offline',
  credentials: offlineCredentials,
  toCredentials: () => null,
  load: () => import('./offline.provider.js').then((m) => m.createOfflineProvider),
});
