// The gate's engine: builds what the rules see from snapshots, runs every rule in the order of
// rules/index.ts, and decides each finding's severity and acknowledgement.
import type { TransferTask } from '../client/model';
import { GateConfigError } from './errors';
import {
  AcknowledgementState,
  type AcknowledgementStatus,
  type GateFinding,
  type GateReport,
  type RuleFinding,
} from './gate-report';
import { GateSeverity, parseGateRules, type GateAcknowledgement, type GateRules } from './gate-rules';
import { GATE_RULES } from './rules';
import {
  matchesTaskRef,
  TaskRefSet,
  type CheckedAcknowledgement,
  type CheckFinding,
  type GateRule,
  type GateTask,
  type RuleContext,
} from './rules/rule';

/**
 * What the gate needs to know about one stream's transfer tasks. The lookup's
 * `TransferTasksSnapshot` has this shape (and more), and so does what the CLI builds from a live
 * `DisClient` call.
 */
export interface GateSnapshot {
  /** The stream the tasks belong to. */
  readonly streamName: string;
  /** The project the stream lives in. */
  readonly projectId: string;
  /** The region the stream lives in. */
  readonly region: string;
  /** The stream's transfer tasks. */
  readonly tasks: TransferTask[];
  /** When the tasks were fetched from the API, ISO-8601; lag is measured against it. */
  readonly fetchedAt: string;
  /** Where the snapshot came from (`api`, `cache`, `context`), when known. */
  readonly source?: string;
}

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
  parseGateRules(rules); // refuses malformed rules; the report keeps them as given
  const context = buildRuleContext(snapshots, rules, now);
  const acks = context.acknowledgements.map((checked) => ({ ...checked, matched: 0 }));
  const findings: GateFinding[] = [];
  for (const rule of GATE_RULES) {
    for (const finding of checkRule(rule, context)) {
      if (!rule.acknowledgeable) {
        findings.push({ ruleId: rule.id, ...finding, severity: rule.level });
        continue;
      }
      const match = acks.find(
        (a) =>
          a.status === AcknowledgementState.ACTIVE &&
          a.ack.ruleId === rule.id &&
          acknowledges(a.ack.task, finding),
      );
      if (match) match.matched++;
      findings.push({
        ruleId: rule.id,
        ...finding,
        severity: rules.severity ?? rule.level,
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
    acknowledgements: acks.map(({ ack, status, matched }): AcknowledgementStatus => ({
      ruleId: ack.ruleId,
      task: ack.task,
      reason: ack.reason,
      ...(ack.expires === undefined ? {} : { expires: ack.expires }),
      status,
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
    rules: context.rules,
  };
}

/** Runs one rule's check and gives each finding the rule's id, as the gate reports it. */
export function runRule(rule: GateRule, context: RuleContext): RuleFinding[] {
  return checkRule(rule, context).map((finding) => ({ ruleId: rule.id, ...finding }));
}

/**
 * Runs one rule's check. A check that throws must not pass silently, nor crash synth: it becomes a
 * finding of the rule (as in cdk-nag).
 */
function checkRule(rule: GateRule, context: RuleContext): CheckFinding[] {
  try {
    return rule.check(context);
  } catch (e) {
    return [
      {
        message: `the rule failed to evaluate: ${e instanceof Error ? e.message : String(e)}.`,
        fix: 'Report this as a bug in cdktf-dis-transfer-tasks, with the snapshot that caused it.',
      },
    ];
  }
}

function acknowledges(ref: string, finding: CheckFinding): boolean {
  if (ref === '*') return true;
  if (finding.taskName === undefined) return false;
  if (finding.streamName === undefined) return ref === finding.taskName;
  return matchesTaskRef(ref, finding.streamName, finding.taskName);
}

/** The state allowed when `allowedStates` is not given. */
export const DEFAULT_ALLOWED_STATES: readonly string[] = ['RUNNING'];

/**
 * Builds what the rules see: tasks sorted by stream then name, ages measured against each
 * snapshot's fetch time, ignored tasks set aside, `allowedStates` defaulted, acknowledgements
 * checked against `now`.
 * @throws GateConfigError when a snapshot's `fetchedAt` is not a time
 */
export function buildRuleContext(
  snapshots: readonly GateSnapshot[],
  rules: GateRules,
  now: number,
): RuleContext {
  const allTasks = snapshots.flatMap(toGateTasks);
  const ignore = new TaskRefSet(rules.ignoreTasks ?? []);
  return {
    allTasks,
    tasks: allTasks.filter((t) => !ignore.has(t.streamName, t.task.taskName)),
    streamNames: snapshots.map((s) => s.streamName),
    rules: { ...rules, allowedStates: rules.allowedStates ?? [...DEFAULT_ALLOWED_STATES] },
    acknowledgements: (rules.acknowledgements ?? []).map((ack) => ({
      ack,
      ...checkAcknowledgement(ack, now),
    })),
    now,
  };
}

function toGateTasks(snapshot: GateSnapshot): GateTask[] {
  const fetchedAt = Date.parse(snapshot.fetchedAt);
  if (Number.isNaN(fetchedAt)) {
    throw new GateConfigError(
      `The snapshot of stream ${snapshot.streamName} has fetchedAt "${snapshot.fetchedAt}", which is not an ISO-8601 time. Refresh the lookup (dis-transfer-tasks context refresh) or fix the context value.`,
      { source: `the snapshot of stream ${snapshot.streamName}` },
    );
  }
  return [...snapshot.tasks]
    .sort((a, b) => (a.taskName < b.taskName ? -1 : a.taskName > b.taskName ? 1 : 0))
    .map((task) => ({
      streamName: snapshot.streamName,
      task,
      createdAgeSeconds: ageSeconds(fetchedAt, task.createTime),
      ...(task.lastTransferTimestamp === undefined || task.lastTransferTimestamp <= 0
        ? {}
        : { lastTransferAgeSeconds: ageSeconds(fetchedAt, task.lastTransferTimestamp) }),
    }));
}

function ageSeconds(fetchedAt: number, at: number): number {
  // A timestamp after the fetch (clock skew) counts as "just now".
  return Math.max(0, Math.floor((fetchedAt - at) / 1000));
}

/** The least number of characters an acknowledgement reason must have (as in cdk-nag). */
export const MIN_ACKNOWLEDGEMENT_REASON_LENGTH = 10;

/**
 * Checks an acknowledgement's rule id, task, reason and expiry against the time `now` (epoch ms):
 * active, expired, or invalid with the problem.
 */
export function checkAcknowledgement(
  ack: GateAcknowledgement,
  now: number,
): Omit<CheckedAcknowledgement, 'ack'> {
  const reason = typeof ack.reason === 'string' ? ack.reason.trim() : '';
  if (!GATE_RULES.some((rule) => rule.id === ack.ruleId && rule.acknowledgeable)) {
    const acknowledgeable = GATE_RULES.filter((rule) => rule.acknowledgeable).map((rule) => rule.id);
    return {
      status: AcknowledgementState.INVALID,
      problem: `rule id "${ack.ruleId}" cannot be acknowledged (use one of ${acknowledgeable.join(', ')})`,
    };
  }
  if (typeof ack.task !== 'string' || ack.task.trim() === '') {
    return {
      status: AcknowledgementState.INVALID,
      problem: `it names no task (use a task name, stream/task, or *)`,
    };
  }
  if (reason.length < MIN_ACKNOWLEDGEMENT_REASON_LENGTH) {
    return {
      status: AcknowledgementState.INVALID,
      problem: `its reason ${reason === '' ? 'is missing' : `"${reason}" is shorter than ${MIN_ACKNOWLEDGEMENT_REASON_LENGTH} characters`} (say why the finding is acceptable)`,
    };
  }
  if (ack.expires !== undefined) {
    const at = Date.parse(ack.expires);
    if (Number.isNaN(at)) {
      return {
        status: AcknowledgementState.INVALID,
        problem: `its expiry "${ack.expires}" is not a date (use YYYY-MM-DD or an ISO-8601 instant)`,
      };
    }
    if (at <= now) {
      return { status: AcknowledgementState.EXPIRED, problem: `it expired on ${ack.expires}` };
    }
  }
  return { status: AcknowledgementState.ACTIVE };
}
