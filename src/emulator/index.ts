// The emulator's entry point, published as `cdktf-dis-transfer-tasks/emulator`: a local DIS + IAM
// endpoint for tests, demos and pipeline checks. TypeScript only; not part of the construct API.
export * from './dis-emulator';
export * from './faults';
export { startEmulatorProcess, type EmulatorProcessOptions } from './process';
export * from './errors';
export {
  loadScenario,
  parseScenario,
  scenarioJsonSchema,
  shippedScenarioPath,
  SHIPPED_SCENARIOS,
  type ShippedScenarioName,
} from './load-scenario';
export type { CredentialKind, RequestLogEntry } from './server';
export { ROUTE_IDS, type RouteId } from './routes';
export type * from './scenario';
export type { EmulatorTaskInput } from './state';
