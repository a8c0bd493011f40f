import { z } from 'zod';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Expected an id (letters, digits, - and _).');

/** The public operations' schemas are the contract's (@fleet/api-contract, shopping.ts, platform-tools.ts). */
export { reindexBody, reindexParams, searchQuery } from '@fleet/api-contract';

export const jobParams = z.strictObject({ jobId: id });
