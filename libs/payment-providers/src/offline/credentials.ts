import { z } from 'zod';
import { defineProviderForm } from '../provider-form';

/** Simulated payments: no keys to give (its webhook secret is made and kept by the service). */
export const offline = defineProviderForm({
  name: 'offline',
  credentials: z.strictObject({}).optional(),
});
