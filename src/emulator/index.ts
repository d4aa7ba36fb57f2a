// The emulator's entry point, published as `cdktf-dis-transfer-tasks/emulator`: a local DIS + IAM
// endpoint for tests, demos and pipeline checks. TypeScript only; not part of the construct API.
export * from './dis-emulator';
export * from './emulator-fault';
export * from './emulator-handle';
export { startEmulatorProcess, type EmulatorProcessOptions } from './emulator-process';
export * from './emulator-task';
export * from './errors';
export * from './load-scenario';
export { parseScenario } from './parse-scenario';
export * from './request-log-entry';
export * from './route-id';
export * from './scenario';
export * from './scenario-json-schema';
