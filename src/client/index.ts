// The DIS client's public surface.
export * from './dis-client';
export * from './dis-client-options';
export * from './model';
export * from './credentials/dis-credentials';
export * from './retry/retry-policy';
export * from './errors';
export { CREDENTIAL_VARIABLES } from './credentials/resolve-credentials';
