// The gate engine behind `DisTransferTasksAssertion` and `dis-transfer-tasks check`: the rules, their
// evaluation over plain snapshots, gate files, reports and the live check. The
// `cdktf-dis-transfer-tasks/gate` entry point (TypeScript only: rules are functions).
export { evaluateGate, type GateSnapshot } from './assertion/evaluate-gate';
export { parseGateFile, readGateFile, type GateFile, type GateTarget } from './assertion/gate-file';
export { formatFinding, formatGateReport } from './assertion/gate-report';
export { parseGateRules } from './assertion/gate-rules';
export { checkGate, checkGateLive, type CheckGateLiveOptions, type GateClient } from './assertion/live-check';
export { GATE_RULES } from './assertion/rules';
export { FindingSubject, type GateRule, type RuleContext } from './assertion/rules/rule';
export {
  buildSarifLog,
  SARIF_FINGERPRINT_KEY,
  SARIF_SCHEMA_URI,
  type GateSarifOptions,
  type SarifFileLocation,
} from './assertion/sarif';
export type * from './assertion/sarif-log';
