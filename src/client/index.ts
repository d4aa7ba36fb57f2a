// The DIS client's public surface: the future `cdktf-dis-transfer-tasks/client` entry point.
// Loading it loads undici and zod (through DisClient); the package root does not.
export { DisClient, type DisClientOptions, type DisTarget } from './dis-client';
export { CREDENTIAL_VARIABLES, type DisCredentials } from './credentials';
export {
  DEFAULT_RETRY_POLICY,
  resolveRetryPolicy,
  type ResolvedRetryPolicy,
  type RetryPolicy,
} from './retry';
export * from './errors';
export * from './model';
