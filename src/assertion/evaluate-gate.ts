// The gate's engine: builds what the rules see from snapshots, runs every rule in the order of
// rules/index.ts, and decides each finding's severity and acknowledgement.
import type { TransferTask } from '../client/model';
import { REFRESH_COMMAND } from '../lookup/errors';
import { acknowledges, checkAcknowledgement } from './acknowledgements';
import { GateConfigError } from './errors';
import {
  AcknowledgementState,
  type AcknowledgementStatus,
  type GateFinding,
  type GateReport,
  type RuleFinding,
} from './gate-report';
import { DEFAULT_MAX_SNAPSHOT_AGE_SECONDS, parseGateRules, type GateRules } from './gate-rules';
import { GATE_RULES } from './rules';
import {
  GateSeverity,
  TaskRefSet,
  type CheckedAcknowledgement,
  type CheckFinding,
  type GateRule,
  type GateStream,
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
  /** When the tasks were fetched from the API, ISO-8601; lag and the snapshot's age are measured from it. */
  readonly fetchedAt: string;
  /** Where the snapshot came from (`api`, `cache`, `context`), when known. */
  readonly source?: string;
  /**
   * False when the stream does not exist (yet): a lookup with `mustExist: false` found nothing.
   * @default true
   */
  readonly streamExists?: boolean;
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
  const matches = context.acknowledgements.map((): RuleFinding[] => []);
  const findings: GateFinding[] = [];
  let settled: RuleContext | undefined;
  for (const rule of GATE_RULES) {
    if (!rule.acknowledgeable) {
      // Every rule that can be acknowledged has run: what each acknowledgement accepted is known.
      settled ??= {
        ...context,
        acknowledgements: context.acknowledgements.map((a, i) => ({ ...a, matches: matches[i] })),
      };
      for (const finding of checkRule(rule, settled)) {
        findings.push({ ruleId: rule.id, ...finding, severity: rule.level });
      }
      continue;
    }
    for (const finding of checkRule(rule, context)) {
      const match = context.acknowledgements.findIndex(
        (a) =>
          a.status === AcknowledgementState.ACTIVE &&
          a.ack.ruleId === rule.id &&
          acknowledges(a.ack.task, finding),
      );
      if (match >= 0) matches[match].push({ ruleId: rule.id, ...finding });
      findings.push({
        ruleId: rule.id,
        ...finding,
        severity: severityOf(rule, rules),
        ...(match >= 0 ? { acknowledgedReason: context.acknowledgements[match].ack.reason.trim() } : {}),
      });
    }
  }

  const open = findings.filter((f) => f.acknowledgedReason === undefined);
  const errors = open.filter((f) => f.severity === GateSeverity.ERROR).length;
  return {
    formatVersion: 1,
    healthy: errors === 0,
    evaluatedAt: new Date(now).toISOString(),
    summary: {
      errors,
      warnings: open.length - errors,
      acknowledged: findings.length - open.length,
    },
    findings,
    acknowledgements: context.acknowledgements.map(({ ack, status }, i): AcknowledgementStatus => ({
      ruleId: ack.ruleId,
      task: ack.task,
      reason: ack.reason,
      ...(ack.expires === undefined ? {} : { expires: ack.expires }),
      status,
      matchedFindings: matches[i].length,
      matches: matches[i].map((f) => ({
        ...(f.streamName === undefined ? {} : { streamName: f.streamName }),
        ...(f.taskName === undefined ? {} : { taskName: f.taskName }),
      })),
    })),
    streams: context.streams.map((s, i) => ({
      streamName: s.streamName,
      projectId: s.projectId,
      region: s.region,
      fetchedAt: s.fetchedAt,
      ageSeconds: s.ageSeconds,
      ...(s.source === undefined ? {} : { source: s.source }),
      streamExists: s.exists,
      tasks: snapshots[i].tasks.map((t) => t.taskName).sort(),
    })),
    rules: context.rules,
  };
}

/**
 * The severity of a finding of `rule`: an acknowledgement rule's own level; otherwise a warning
 * when the gate's `severity` is `WARNING`, else the level its option sets, else its level.
 */
function severityOf(rule: GateRule, rules: GateRules): GateSeverity {
  if (rules.severity === GateSeverity.WARNING) return GateSeverity.WARNING;
  return (rule.levelOption === undefined ? undefined : rules[rule.levelOption]) ?? rule.level;
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
  const maxSnapshotAge =
    rules.ignoreSnapshotAge === true
      ? {}
      : { maxSnapshotAgeSeconds: rules.maxSnapshotAgeSeconds ?? DEFAULT_MAX_SNAPSHOT_AGE_SECONDS };
  return {
    allTasks,
    tasks: allTasks.filter((t) => !ignore.has(t.streamName, t.task.taskName)),
    streamNames: snapshots.map((s) => s.streamName),
    streams: snapshots.map((s) => toGateStream(s, now)),
    rules: {
      ...rules,
      allowedStates: rules.allowedStates ?? [...DEFAULT_ALLOWED_STATES],
      ...maxSnapshotAge,
    },
    acknowledgements: (rules.acknowledgements ?? []).map((ack): CheckedAcknowledgement => ({
      ack,
      ...checkAcknowledgement(ack, now, rules),
    })),
    now,
  };
}

function toGateStream(snapshot: GateSnapshot, now: number): GateStream {
  return {
    streamName: snapshot.streamName,
    region: snapshot.region,
    projectId: snapshot.projectId,
    fetchedAt: snapshot.fetchedAt,
    ...(snapshot.source === undefined ? {} : { source: snapshot.source }),
    exists: snapshot.streamExists !== false,
    ageSeconds: ageSeconds(now, fetchTime(snapshot)),
  };
}

/**
 * A snapshot's fetch time, epoch ms.
 * @throws GateConfigError when it is not a time
 */
function fetchTime(snapshot: GateSnapshot): number {
  const fetchedAt = Date.parse(snapshot.fetchedAt);
  if (Number.isNaN(fetchedAt)) {
    throw new GateConfigError(
      `The snapshot of stream ${snapshot.streamName} has a fetchedAt that is not an ISO-8601 time. Refresh the lookup (${REFRESH_COMMAND}) or fix the context value.`,
      { source: `the snapshot of stream ${snapshot.streamName}` },
    );
  }
  return fetchedAt;
}

function toGateTasks(snapshot: GateSnapshot): GateTask[] {
  const fetchedAt = fetchTime(snapshot);
  return [...snapshot.tasks]
    .sort((a, b) =>
      a.taskName < b.taskName
        ? -1
        : // Stryker disable next-line ConditionalExpression,EqualityOperator: V8's sort only asks whether a result is below 0, and a stream's task names are unique: this branch never decides an order
          a.taskName > b.taskName
          ? 1
          : 0,
    )
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
