// Public entry point. Each part keeps its exports in its own section below; the section headers
// keep edits of one part apart from another's. (The consolidation turns this file into the
// construct API and moves the client and the emulator to subpath exports.)

// ---- client ----
// DisClient, its options and the retry policy are exported by the client's own entry point,
// src/client/index.ts: loading DisClient loads undici and zod, which a synth from the cache never needs.
export type { DisCredentials } from './client/credentials';
export * from './client/errors';
export * from './client/model';

// ---- emulator ----
// Not exported here: the emulator has its own entry point, src/emulator/index.ts
// (`cdktf-dis-transfer-tasks/emulator`), so that loading the constructs loads none of it.

// ---- lookup ----
export {
  ALL_STREAMS,
  CONTEXT_KEY_PREFIX,
  MODE_CONTEXT_KEY,
  TransferTasksContext,
  parseContextKey,
  parseContextValue,
  parseProjectStreamsValue,
  projectStreamsContextKey,
  toContextValue,
  toProjectStreamsValue,
  transferTasksContextKey,
  type ContextKeyParts,
  type ProjectStreamsContextValue,
  type TransferTasksContextEntry,
  type TransferTasksContextEntryProps,
  type TransferTasksContextValue,
} from './lookup/context-entry';
export { MODE_ENV_VAR } from './lookup/context-provider';
export {
  FileContextStore,
  MemoryContextStore,
  type FileContextStoreOptions,
  type IContextStore,
} from './lookup/context-store';
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
export * from './lookup/errors';

// ---- assertion ----
export * from './assertion/dis-transfer-tasks-assertion';
export * from './assertion/duration';
export * from './assertion/errors';
export { evaluateGate, type GateSnapshot } from './assertion/evaluate-gate';
export { parseGateFile, readGateFile, type GateFile, type GateTarget } from './assertion/gate-file';
export {
  AcknowledgementState,
  formatFinding,
  formatGateReport,
  type AcknowledgementStatus,
  type GateFinding,
  type GateReport,
  type GateReportStream,
  type GateReportSummary,
  type RuleFinding,
} from './assertion/gate-report';
export {
  GateSeverity,
  parseGateRules,
  type GateAcknowledgement,
  type GateRuleOptions,
  type GateRules,
} from './assertion/gate-rules';
export * from './assertion/live-check';
export { GATE_RULES } from './assertion/rules';
export type { GateRule } from './assertion/rules/rule';
