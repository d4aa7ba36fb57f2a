// The package root: the construct API a cdktf app needs, and nothing else. It is the jsii surface
// (decision 9): classes, interfaces of readonly data, enums; no Error subclasses, generics, unions or
// callbacks. TypeScript-only entry points: `cdktf-dis-transfer-tasks/client` (the DIS client),
// `/emulator` (the local DIS), `/gate` (the gate engine behind the assertion and `check`) and
// `/errors` (every coded error class and the registry).

// The task model.
export { DestinationType, TransferTaskState, type TransferTask } from './client/model';
export type { DisCredentials } from './client/credentials';

// Lookups.
export {
  DisProjectTransferTasks,
  DisTransferTasks,
  LookupMode,
  SnapshotSource,
  type DisLookupOptions,
  type DisProjectTransferTasksProps,
  type DisTransferTasksProps,
  type ITransferTasksLookup,
  type TransferTasksSnapshot,
} from './lookup/dis-transfer-tasks';
export { MODE_ENV_VAR } from './lookup/lookup-mode';
export { Duration } from './lookup/duration';
export { MemoryContextStore, type IContextStore } from './lookup/context-store';
export {
  MODE_CONTEXT_KEY,
  PROJECT_ID_CONTEXT_KEY,
  REGION_CONTEXT_KEY,
  TransferTasksContext,
  type TransferTasksContextEntry,
  type TransferTasksContextEntryProps,
  type TransferTasksContextValue,
} from './lookup/context-entry';

// The gate.
export { DEFAULT_CLI_COMMAND } from './assertion/cli-command';
export {
  DisTransferTasksAssertion,
  ENFORCEMENT_CONTEXT_KEY,
  ENFORCEMENT_ENV_VAR,
  Enforcement,
  GateReportFormat,
  type DisTransferTasksAssertionProps,
} from './assertion/dis-transfer-tasks-assertion';
export {
  AcknowledgementState,
  type AcknowledgementMatch,
  type AcknowledgementStatus,
  type GateFinding,
  type GateReport,
  type GateReportStream,
  type GateReportSummary,
  type RuleFinding,
} from './assertion/gate-report';
export {
  GateSeverity,
  type GateAcknowledgement,
  type GateRuleOptions,
  type GateRules,
} from './assertion/gate-rules';
