import { z } from 'zod';

/** Simulated payments: no keys to give (its webhook secret is made and kept by the service). */
export const offlineCredentials = z.strictObject({}).optional();
