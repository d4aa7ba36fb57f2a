import { GateConfigError } from './errors';
import {
  AcknowledgementState,
  type AcknowledgementStatus,
  type GateFinding,
  type GateReport,
  type RuleFinding,
} from './gate-report';
import { GateSeverity, type GateRules } from './gate-rules';
import {
  buildRuleContext,
  checkAcknowledgement,
  matchesTaskRef,
  type GateSnapshot,
  type RuleContext,
} from './rule-context';
import { GATE_RULES } from './rules';
import { UNACKNOWLEDGEABLE_RULE_IDS } from './rules/gate-rule-ids';

/**
 * Applies the gate rules to transfer task snapshots: the one engine behind the construct and the
 * CLI `check` command. Pure apart from `now`, which only decides whether acknowledgements have
 * expired; lag is measured against each snapshot's `fetchedAt`, so the result is deterministic.
 *
 * @param snapshots one snapshot per looked-up stream
 * @param rules the rules to apply
 * @param now the evaluation time, epoch ms
 * @default now Date.now()
 * @throws GateConfigError when the rules or a snapshot are malformed
 */
export function evaluateGate(
  snapshots: readonly GateSnapshot[],
  rules: GateRules = {},
  now: number = Date.now(),
): GateReport {
  validateRules(rules);
  const context = buildRuleContext(snapshots, rules, now);
  const resolved = context.rules;

  const acks = (rules.acknowledgements ?? []).map((ack) => ({
    ack,
    check: checkAcknowledgement(ack, now),
    matched: 0,
  }));
  const severity = rules.severity ?? GateSeverity.ERROR;
  const findings: GateFinding[] = [];
  for (const [ruleId, rule] of GATE_RULES) {
    for (const finding of runRule(ruleId, rule, context)) {
      if (UNACKNOWLEDGEABLE_RULE_IDS.includes(ruleId)) {
        findings.push({ ...finding, severity: GateSeverity.ERROR });
        continue;
      }
      const match = acks.find(
        (a) =>
          a.check.status === AcknowledgementState.ACTIVE &&
          a.ack.ruleId === ruleId &&
          acknowledges(a.ack.task, finding),
      );
      if (match) match.matched++;
      findings.push({
        ...finding,
        severity,
        ...(match ? { acknowledgedReason: match.ack.reason.trim() } : {}),
      });
    }
  }

  const open = findings.filter((f) => f.acknowledgedReason === undefined);
  const errors = open.filter((f) => f.severity === GateSeverity.ERROR).length;
  return {
    formatVersion: 1,
    healthy: errors === 0,
    summary: {
      errors,
      warnings: open.length - errors,
      acknowledged: findings.length - open.length,
    },
    findings,
    acknowledgements: acks.map(({ ack, check, matched }): AcknowledgementStatus => ({
      ruleId: ack.ruleId,
      task: ack.task,
      reason: ack.reason,
      ...(ack.expires === undefined ? {} : { expires: ack.expires }),
      status: check.status,
      matchedFindings: matched,
    })),
    streams: snapshots.map((s) => ({
      streamName: s.streamName,
      projectId: s.projectId,
      region: s.region,
      fetchedAt: s.fetchedAt,
      ...(s.source === undefined ? {} : { source: s.source }),
      tasks: s.tasks.map((t) => t.taskName).sort(),
    })),
    rules: resolved,
  };
}

function runRule(
  ruleId: string,
  rule: (c: RuleContext) => RuleFinding[],
  context: RuleContext,
): RuleFinding[] {
  try {
    return rule(context);
  } catch (e) {
    // A rule that throws must not pass silently, nor crash synth: it becomes a finding (as in cdk-nag).
    return [
      {
        ruleId,
        message: `the rule failed to evaluate: ${e instanceof Error ? e.message : String(e)}.`,
        fix: 'Report this as a bug in cdktf-dis-transfer-tasks, with the snapshot that caused it.',
      },
    ];
  }
}

function acknowledges(ref: string, finding: RuleFinding): boolean {
  if (ref === '*') return true;
  if (finding.taskName === undefined) return false;
  if (finding.streamName === undefined) return ref === finding.taskName;
  return matchesTaskRef(ref, finding.streamName, finding.taskName);
}

function validateRules(rules: GateRules): void {
  for (const key of ['maxTransferLagSeconds', 'minTasks'] as const) {
    const v = rules[key];
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v < 0)) {
      throw new GateConfigError(
        `Gate rule ${key} is ${typeof v === 'number' ? String(v) : JSON.stringify(v)}; give a number of 0 or more, or leave it out.`,
        { source: `gate rule ${key}` },
      );
    }
  }
  for (const key of [
    'allowedStates',
    'requiredTasks',
    'expectedTasks',
    'ignoreTasks',
    'destinationTypes',
  ] as const) {
    const v = rules[key];
    if (v !== undefined && (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x === ''))) {
      throw new GateConfigError(
        `Gate rule ${key} must be a list of non-empty strings; got ${JSON.stringify(v)}.`,
        { source: `gate rule ${key}` },
      );
    }
  }
  if (rules.severity !== undefined && !Object.values(GateSeverity).includes(rules.severity)) {
    throw new GateConfigError(
      `Gate rule severity is ${JSON.stringify(rules.severity)}; use "error" or "warning".`,
      { source: 'gate rule severity' },
    );
  }
}
