// The gate engine behind `DisTransferTasksAssertion` and `dis-transfer-tasks check`: the rules, their
// evaluation over plain snapshots, gate files, reports and the live check. The
// `cdktf-dis-transfer-tasks/gate` entry point (TypeScript only: rules are functions).
export { evaluateGate, type GateSnapshot } from './assertion/evaluate-gate';
export { parseGateFile, readGateFile, type GateFile, type GateTarget } from './assertion/gate-file';
export { formatFinding, formatGateReport } from './assertion/gate-report';
export { parseGateRules } from './assertion/gate-rules';
export { checkGate, checkGateLive, type CheckGateLiveOptions, type GateClient } from './assertion/live-check';
export { GATE_RULES } from './assertion/rules';
export type { GateRule, RuleContext } from './assertion/rules/rule';
