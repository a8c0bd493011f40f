/** The platform's shared checks on the verified request context. */
export { storeCtx, staffCtx, serviceCtx, guard } from '@fleet/tenancy';
