// The emulator's entry point, published as `cdktf-dis-transfer-tasks/emulator`: a local DIS + IAM
// endpoint for tests, demos and pipeline checks (README, section "DIS emulator"). TypeScript only;
// the package root (the construct API) does not load it.
export { DisEmulator, type DisEmulatorOptions, type EmulatorHandle } from './dis-emulator';
export {
  EMULATOR_ERRORS,
  EmulatorAdminError,
  EmulatorFaultError,
  EmulatorListenError,
  EmulatorProcessError,
  EmulatorScenarioError,
  EmulatorStateError,
} from './errors';
export { FAULT_KINDS, type EmulatorFault, type FaultKind } from './faults';
export {
  loadScenario,
  parseScenario,
  scenarioJsonSchema,
  SHIPPED_SCENARIOS,
  shippedScenarioPath,
  type ShippedScenarioName,
} from './load-scenario';
export { startEmulatorProcess, type EmulatorProcessOptions } from './process';
export { ROUTE_IDS, type RouteId } from './routes';
export type * from './scenario';
export type { CredentialKind, RequestLogEntry } from './server';
export type { EmulatorTaskInput } from './state';
