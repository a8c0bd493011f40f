/** The platform's shared check on the verified request context. */
export { storeCtx } from '@fleet/tenancy';
