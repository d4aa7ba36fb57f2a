import type { TransferTask } from '../client/model';
import type { RuleFinding } from './gate-report';
import { GateConfigError } from './gate-config-error';
import type { GateRules } from './gate-rules';
import type { GateSnapshot } from './gate-snapshot';
import { TaskRefSet } from './task-ref';

/** The state allowed when `allowedStates` is not given. */
export const DEFAULT_ALLOWED_STATES: readonly string[] = ['RUNNING'];

/** One task as the rules see it: with its stream and its age at fetch time. */
export interface GateTask {
  /** The stream the task belongs to. */
  readonly streamName: string;
  /** The task as the API described it. */
  readonly task: TransferTask;
  /** Seconds from the last transfer to the fetch; undefined when the task never transferred. */
  readonly lastTransferAgeSeconds?: number;
  /** Seconds from the task's creation to the fetch. */
  readonly createdAgeSeconds: number;
}

/** Everything a rule may look at. Rules are pure functions of it. */
export interface RuleContext {
  /** The tasks that are not ignored, in stream then task order. */
  readonly tasks: readonly GateTask[];
  /** Every task, ignored ones included (they still satisfy required/expected tasks). */
  readonly allTasks: readonly GateTask[];
  /** The names of the looked-up streams. */
  readonly streamNames: readonly string[];
  /** The rules, `allowedStates` filled in. */
  readonly rules: GateRules & { readonly allowedStates: string[] };
  /** The evaluation time (epoch ms), used only for acknowledgement expiry. */
  readonly now: number;
}

/** A rule: a pure function from the context to its findings. */
export type GateRuleFunction = (context: RuleContext) => RuleFinding[];

/** Builds a finding about an existing task, filling in its stream, state, type and age. */
export function taskFinding(ruleId: string, t: GateTask, message: string, fix: string): RuleFinding {
  return {
    ruleId,
    streamName: t.streamName,
    taskName: t.task.taskName,
    state: t.task.state,
    destinationType: t.task.destinationType,
    ...(t.lastTransferAgeSeconds === undefined ? {} : { lastTransferAgeSeconds: t.lastTransferAgeSeconds }),
    message,
    fix,
  };
}

/**
 * Builds the rule context: tasks sorted by stream then name, ages measured against each
 * snapshot's fetch time, ignored tasks set aside, `allowedStates` defaulted.
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
    now,
  };
}

function toGateTasks(snapshot: GateSnapshot): GateTask[] {
  const fetchedAt = Date.parse(snapshot.fetchedAt);
  if (Number.isNaN(fetchedAt)) {
    throw new GateConfigError(
      `The snapshot of stream ${snapshot.streamName} has fetchedAt "${snapshot.fetchedAt}", which is not an ISO-8601 time. Refresh the lookup (dis-transfer-tasks context refresh) or fix the context value.`,
      { streamName: snapshot.streamName },
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
