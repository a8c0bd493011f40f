export * from './tenant';
export * from './slug';
// The signed context header lives in @fleet/context (so @fleet/http signs without this lib); it is
// re-exported here for the services that read it beside the tenancy middleware.
export {
  CONTEXT_HEADER,
  INTERNAL_HEADER_PREFIX,
  contextTarget,
  signContext,
  verifyContext,
  type ContextTarget,
  type VerifyFailure,
  type VerifyResult,
} from '@fleet/context';
export * from './context-middleware';
export * from './tenant-resolver';
export * from './registry-client';
export * from './usage';
export * from './guards';
export * from './cache-stamp';
