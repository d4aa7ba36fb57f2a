// What a rule file is written against: the rule's shape (id, what reports say about it, its
// check), the context its check reads, and the helpers every rule shares.
import type { TransferTask } from '../../client/model';
import type { AcknowledgementState, RuleFinding } from '../gate-report';
import type { GateAcknowledgement, GateRules } from '../gate-rules';

/**
 * A gate rule, declared in one file of this folder named after its id in lower case
 * (`DIS-TASK-STATE` → `dis-task-state.ts`). The list in `index.ts` is the one source of rule ids
 * and of evaluation order. Like a cdk-nag rule, its check is a pure function; the engine adds the
 * rule's id and severity to what the check finds.
 */
export interface GateRule {
  /** The stable id, for example `DIS-TASK-STATE`: what findings, reports and acknowledgements name. */
  readonly id: string;
  /** What the rule requires, in one sentence (reports and the README show it; SARIF's short description). */
  readonly summary: string;
  /**
   * Why the rule matters and what it reads, in a few sentences (SARIF's full description, the
   * help text of code scanning).
   */
  readonly description: string;
  /** What to do about a finding of the rule, in general; each finding carries its own precise fix. */
  readonly fix: string;
  /**
   * What the rule's findings are about, which decides where SARIF places them: the looked-up data
   * (the recorded entry in `cdktf.context.json`) or the gate's own configuration (the stack file).
   */
  readonly subject: FindingSubject;
  /**
   * The severity of the rule's findings when the gate's `severity` does not set another one; an
   * unacknowledgeable rule's findings always have it.
   */
  readonly level: GateSeverity;
  /**
   * Whether an acknowledgement can accept the rule's findings. False for the rules about
   * acknowledgements themselves: their findings always have the rule's `level`.
   */
  readonly acknowledgeable: boolean;
  /**
   * The gate rule option that sets this rule's level, when one does (`absentStreamSeverity` for
   * `DIS-STREAM-ABSENT`); the gate's `severity: WARNING` still makes it a warning.
   * @default - the rule's `level`
   */
  readonly levelOption?: 'absentStreamSeverity';
  /**
   * The check: a pure function of the context; a check that throws becomes a finding. Rules that
   * cannot be acknowledged run after all the others and see what each acknowledgement matched.
   */
  check(context: RuleContext): CheckFinding[];
}

/** How a gate reports the findings of its rules. */
export enum GateSeverity {
  /** Findings fail the gate (and, depending on the enforcement, synth, plan or apply). */
  ERROR = 'error',
  /** Findings are reported as warnings and never fail anything. */
  WARNING = 'warning',
}

/** What a finding is about: where a reader fixes it. */
export enum FindingSubject {
  /** The looked-up data: a task's state, type or lag, a snapshot's age (`cdktf.context.json`). */
  SNAPSHOT = 'snapshot',
  /** The gate's configuration: required tasks, counts, acknowledgements (the stack file). */
  CONFIGURATION = 'configuration',
}

/**
 * Declares a rule; `level` defaults to `GateSeverity.ERROR` and `acknowledgeable` to true, so a
 * rule file states only where its rule differs.
 */
export function gateRule(
  rule: Omit<GateRule, 'level' | 'acknowledgeable'> & Partial<Pick<GateRule, 'level' | 'acknowledgeable'>>,
): GateRule {
  return { level: GateSeverity.ERROR, acknowledgeable: true, ...rule };
}

/** A finding as a rule's check returns it: the engine adds the rule's id. */
export type CheckFinding = Omit<RuleFinding, 'ruleId'>;

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

/** An acknowledgement and what the gate made of it. */
export interface CheckedAcknowledgement {
  /** The acknowledgement as given. */
  readonly ack: GateAcknowledgement;
  /** Active, expired or invalid. */
  readonly status: AcknowledgementState;
  /** What is wrong with it, for `invalid` and `expired`. */
  readonly problem?: string;
  /** Its expiry as epoch ms, when it has a valid one. */
  readonly expiresAt?: number;
  /**
   * The findings it accepted. Known only once every rule that can be acknowledged has run: set
   * for the checks of rules that cannot be acknowledged (`DIS-ACK-UNUSED` reads it).
   */
  readonly matches?: readonly RuleFinding[];
}

/** One looked-up stream as the rules see it. */
export interface GateStream {
  /** The stream name. */
  readonly streamName: string;
  /** The region. */
  readonly region: string;
  /** The project id. */
  readonly projectId: string;
  /** When its tasks were fetched, ISO-8601. */
  readonly fetchedAt: string;
  /** Where the snapshot came from (`api`, `cache`, `context`), when known. */
  readonly source?: string;
  /** False when the stream does not exist (yet): a lookup with `mustExist: false` found nothing. */
  readonly exists: boolean;
  /** Seconds from the fetch to the evaluation (0 when the fetch time is later). */
  readonly ageSeconds: number;
}

/** Everything a rule may look at. Rules are pure functions of it. */
export interface RuleContext {
  /** The tasks that are not ignored, in stream then task order. */
  readonly tasks: readonly GateTask[];
  /** Every task, ignored ones included (they still satisfy required/expected tasks). */
  readonly allTasks: readonly GateTask[];
  /** The names of the looked-up streams. */
  readonly streamNames: readonly string[];
  /** The looked-up streams, in lookup order, with whether they exist and their snapshots' age. */
  readonly streams: readonly GateStream[];
  /** The rules, `allowedStates` and `maxSnapshotAgeSeconds` filled in. */
  readonly rules: GateRules & { readonly allowedStates: string[] };
  /** Every acknowledgement of the rules, checked against the evaluation time. */
  readonly acknowledgements: readonly CheckedAcknowledgement[];
  /** The evaluation time (epoch ms): acknowledgement expiry and snapshot age depend on it. */
  readonly now: number;
}

/** A finding about an existing task, with its stream, state, type and age filled in. */
export function taskFinding(t: GateTask, message: string, fix: string): CheckFinding {
  return {
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

/**
 * True when task reference `ref` may name a task of a stream that does not exist yet, so that the
 * rules leave it to `DIS-STREAM-ABSENT`: its stream is absent, or it names no stream and some
 * looked-up stream is absent.
 */
export function awaitsAbsentStream(ref: string, context: Pick<RuleContext, 'streams'>): boolean {
  const slash = ref.indexOf('/');
  const absent = context.streams.filter((s) => !s.exists);
  if (slash < 0) return absent.length > 0;
  return absent.some((s) => s.streamName === ref.slice(0, slash));
}
