// The client's coded errors. Match on `code`, not `instanceof`.
export * from './dis-error-context';
export * from './dis-api-error';
export * from './dis-auth-error';
export * from './dis-network-error';
export * from './dis-response-error';
export * from './dis-config-error';
export * from './revive-dis-error';
export * from './classify-service-failure';
export * from './describe-service-failure';
