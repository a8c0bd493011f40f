/** The platform's shared checks on the verified request context. */
export { storeCtx, staffCtx, guard } from '@fleet/tenancy';
