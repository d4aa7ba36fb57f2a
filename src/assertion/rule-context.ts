// What a rule sees: the snapshots it is applied to, the tasks with their ages, the rules, and the
// helpers every rule shares (task references, the acknowledgement check, findings about a task).
import type { TransferTask } from '../client/model';
import { GateConfigError } from './errors';
import { AcknowledgementState, type RuleFinding } from './gate-report';
import type { GateAcknowledgement, GateRules } from './gate-rules';
import { GATE_RULE_IDS, UNACKNOWLEDGEABLE_RULE_IDS } from './rules/gate-rule-ids';

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

/** The verdict on one acknowledgement: usable, expired, or invalid with the problem. */
export interface AcknowledgementCheck {
  /** Active, expired or invalid. */
  readonly status: AcknowledgementState;
  /** What is wrong with it, for `invalid` and `expired`. */
  readonly problem?: string;
}

/** Checks an acknowledgement's rule id, task, reason and expiry against the time `now` (epoch ms). */
export function checkAcknowledgement(ack: GateAcknowledgement, now: number): AcknowledgementCheck {
  const reason = typeof ack.reason === 'string' ? ack.reason.trim() : '';
  if (!GATE_RULE_IDS.includes(ack.ruleId) || UNACKNOWLEDGEABLE_RULE_IDS.includes(ack.ruleId)) {
    const acknowledgeable = GATE_RULE_IDS.filter((id) => !UNACKNOWLEDGEABLE_RULE_IDS.includes(id));
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

/**
 * True when a task reference (`task-name`, `stream/task-name`, or `*` when `wildcard` is allowed)
 * names the task `taskName` of stream `streamName`.
 */
export function matchesTaskRef(ref: string, streamName: string, taskName: string, wildcard = false): boolean {
  if (wildcard && ref === '*') return true;
  return ref === taskName || ref === `${streamName}/${taskName}`;
}

/**
 * A set of task references for constant-time matching: `has(stream, task)` is true when a
 * reference names the task by name or by `stream/name`.
 */
export class TaskRefSet {
  private readonly refs: ReadonlySet<string>;

  public constructor(refs: Iterable<string>) {
    this.refs = new Set(refs);
  }

  /** True when a reference in the set names task `taskName` of stream `streamName`. */
  public has(streamName: string, taskName: string): boolean {
    return this.refs.has(taskName) || this.refs.has(`${streamName}/${taskName}`);
  }
}
