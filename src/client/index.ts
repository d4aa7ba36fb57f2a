// The DIS client's public surface.
export * from './dis-client';
export * from './dis-client-options';
export * from './model';
export {
  DEFAULT_RETRY_POLICY,
  resolveRetryPolicy,
  type ResolvedRetryPolicy,
  type RetryPolicy,
} from './retry';
export * from './errors';
export { CREDENTIAL_VARIABLES, type DisCredentials } from './credentials';
