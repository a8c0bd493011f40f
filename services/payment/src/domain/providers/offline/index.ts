import { z } from 'zod';
import { defineProvider } from '../provider-module';
import { createOfflineProvider } from './offline.provider';

/** Simulated payments: no keys to give (its webhook secret is made and kept by the service). */
export const offline = defineProvider({
  name: 'offline',
  credentials: z.strictObject({}).optional(),
  toCredentials: () => null,
  create: () => createOfflineProvider(),
});
