// The rules a gate applies, as plain data: what the construct's props, the gate file, the
// acknowledgements file and the CLI's options all turn into; and the one validator of them.
import { GateConfigError } from './errors';
import { FieldChecker, type FieldPath } from './field-checker';
import { GATE_RULES } from './rules';
import { GateSeverity } from './rules/rule';
import { destinationTypeProblem, stateProblem, taskRefProblem } from './rule-values';

export { GateSeverity } from './rules/rule';

/**
 * An accepted finding, like a cdk-nag suppression: the finding is still reported, marked as
 * acknowledged, and no longer fails the gate.
 *
 * An acknowledgement whose reason is shorter than 10 characters, or whose expiry has passed, is
 * itself an error (`DIS-ACK-INVALID`, `DIS-ACK-EXPIRED`), so accepted risks are explained and
 * revisited.
 */
export interface GateAcknowledgement {
  /** The rule id the acknowledgement applies to, for example `DIS-TASK-STATE`. */
  readonly ruleId: string;
  /**
   * The task it applies to: `task-name` (any stream), `stream/task-name`, or `*` for every
   * finding of the rule, including findings that name no task (such as `DIS-MIN-TASKS`).
   */
  readonly task: string;
  /** Why the finding is accepted; at least 10 characters. */
  readonly reason: string;
  /**
   * The date (`YYYY-MM-DD`, UTC) or ISO-8601 instant from which the acknowledgement no longer
   * applies; from then on it is reported as `DIS-ACK-EXPIRED`.
   * @default - never expires
   */
  readonly expires?: string;
}

/**
 * The rules a gate applies that read the same as construct props and as plain data: what
 * {@link GateRules} (the gate file, the CLI) and `DisTransferTasksAssertionProps` share. Task
 * references are `task-name` (matches in any stream) or `stream/task-name`.
 */
export interface GateRuleOptions {
  /**
   * States a task may be in (`TransferTaskState` values). A state DIS does not document is refused
   * here unless `allowUndocumentedValues` is set, and a documented one in another case (`running`)
   * always is: a typo must not turn into a rule that never matches.
   * @default ['RUNNING']
   */
  readonly allowedStates?: string[];
  /**
   * Tasks that must exist (`DIS-TASK-REQUIRED`).
   * @default - none
   */
  readonly requiredTasks?: string[];
  /**
   * The exact set of tasks: a missing one is `DIS-TASK-REQUIRED`, any other task is
   * `DIS-TASK-UNEXPECTED` (the drift check).
   * @default - no drift check
   */
  readonly expectedTasks?: string[];
  /**
   * Tasks no rule looks at, except that they satisfy `requiredTasks`/`expectedTasks`.
   * @default - none
   */
  readonly ignoreTasks?: string[];
  /**
   * Destination types a task may dump to (`DestinationType` values, `DIS-DESTINATION-TYPE`), with
   * the same checks as `allowedStates`.
   * @default - any documented type; an undocumented type is always a finding unless listed here
   */
  readonly destinationTypes?: string[];
  /**
   * Accept states and destination types in `allowedStates` and `destinationTypes` that DIS does
   * not document (still upper-case identifiers, as the service spells them): the explicit opt-in
   * for a value the service returns before its documents list it.
   * @default false
   */
  readonly allowUndocumentedValues?: boolean;
  /**
   * The least number of (not ignored) tasks over all looked-up streams (`DIS-MIN-TASKS`), a whole
   * number.
   * @default - no minimum
   */
  readonly minTasks?: number;
  /**
   * `WARNING` reports every finding of the rules as a warning, which never fails anything;
   * `ERROR` keeps each rule at its level (`DIS-STREAM-ABSENT` is a warning, see
   * `absentStreamSeverity`). Acknowledgement problems keep their level either way.
   * @default GateSeverity.ERROR
   */
  readonly severity?: GateSeverity;
  /**
   * The level of `DIS-STREAM-ABSENT`, the finding for a stream that does not exist yet (a lookup
   * with `mustExist: false`): a warning lets the first deploy create it; `ERROR` refuses to deploy
   * until it exists.
   * @default GateSeverity.WARNING
   */
  readonly absentStreamSeverity?: GateSeverity;
  /**
   * Turn the snapshot-age check (`DIS-SNAPSHOT-AGE`) off: the gate then evaluates recorded
   * snapshots however old they are. The explicit way to accept old data, for example when
   * `Enforcement.APPLY` re-checks the tasks live anyway.
   * @default false
   */
  readonly ignoreSnapshotAge?: boolean;
  /**
   * Accepted findings: still reported, marked as acknowledged, no longer failing.
   * @default - none
   */
  readonly acknowledgements?: GateAcknowledgement[];
  /**
   * The most days ahead an acknowledgement's `expires` may be, counted from the evaluation: an
   * acknowledgement without an expiry, or with a later one, is invalid (`DIS-ACK-INVALID`).
   * @default - no limit
   */
  readonly maxAcknowledgementDays?: number;
  /**
   * Rule ids this gate accepts no acknowledgement for: an acknowledgement of one of them is
   * invalid (`DIS-ACK-INVALID`), so its findings always count.
   * @default - every rule that can be acknowledged can be here
   */
  readonly unacknowledgeableRules?: string[];
}

/**
 * The rules a gate applies to transfer task snapshots: plain, JSON-serializable data, shared by the
 * `DisTransferTasksAssertion` construct, the gate file and the CLI `check` command.
 */
export interface GateRules extends GateRuleOptions {
  /**
   * The longest time, in seconds, since a task's last transfer, measured against the snapshot's
   * fetch time so that synth stays deterministic (`DIS-TRANSFER-LAG`).
   * @default - no lag check
   */
  readonly maxTransferLagSeconds?: number;
  /**
   * The oldest snapshot the gate evaluates, in seconds between its fetch and the evaluation
   * (`DIS-SNAPSHOT-AGE`); values given as cdktf context are exempt.
   * @default 86400 (24 hours), unless `ignoreSnapshotAge` is set
   */
  readonly maxSnapshotAgeSeconds?: number;
}

/** The snapshot age the gate accepts when `maxSnapshotAgeSeconds` is not given: 24 hours. */
export const DEFAULT_MAX_SNAPSHOT_AGE_SECONDS = 86400;

// ---------------------------------------------------------------------------------------------
// The one validator of gate rules: for the construct's props, the gate file, the acknowledgements
// file and the CLI's options alike. Hand-written rather than zod, so that synth (any enforcement)
// and `check` never load a validation library.

/** Every field of {@link GateRules}, in the order a checked value has them. */
export const GATE_RULE_FIELDS: readonly string[] = [
  'allowedStates',
  'requiredTasks',
  'expectedTasks',
  'ignoreTasks',
  'destinationTypes',
  'allowUndocumentedValues',
  'maxTransferLagSeconds',
  'maxSnapshotAgeSeconds',
  'ignoreSnapshotAge',
  'minTasks',
  'severity',
  'absentStreamSeverity',
  'acknowledgements',
  'maxAcknowledgementDays',
  'unacknowledgeableRules',
];
/** Every field of {@link GateAcknowledgement}, in order. */
const ACKNOWLEDGEMENT_FIELDS = ['ruleId', 'task', 'reason', 'expires'];

/** Checks gate rules at `path` into `checker`; returns the rules, fields in order, when valid. */
export function checkGateRules(
  checker: FieldChecker,
  value: unknown,
  path: FieldPath,
): GateRules | undefined {
  const before = checker.problems.length;
  const rules = checker.object(value, path, GATE_RULE_FIELDS);
  if (rules === undefined) return undefined;
  const undocumented = rules.allowUndocumentedValues === true;
  const field = (key: string, check: (v: unknown, at: FieldPath) => unknown) =>
    checker.optional(rules, key, (v) => check(v, [...path, key]));
  const severity = (v: unknown, at: FieldPath) => checker.oneOf(v, at, Object.values(GateSeverity));
  const checked: GateRules = Object.assign(
    {},
    field('allowedStates', (v, at) => checker.names(v, at, false, (s) => stateProblem(s, undocumented))),
    ...(['requiredTasks', 'expectedTasks', 'ignoreTasks'] as const).map((key) =>
      field(key, (v, at) => checker.names(v, at, false, taskRefProblem)),
    ),
    field('destinationTypes', (v, at) =>
      checker.names(v, at, false, (t) => destinationTypeProblem(t, undocumented)),
    ),
    field('allowUndocumentedValues', (v, at) => checker.boolean(v, at)),
    field('maxTransferLagSeconds', (v, at) => checker.count(v, at, false)),
    field('maxSnapshotAgeSeconds', (v, at) => checker.count(v, at, false)),
    field('ignoreSnapshotAge', (v, at) => checker.boolean(v, at)),
    field('minTasks', (v, at) => checker.count(v, at, true)),
    field('severity', severity),
    field('absentStreamSeverity', severity),
    field('acknowledgements', (v, at) => checkAcknowledgements(checker, v, at)),
    field('maxAcknowledgementDays', (v, at) =>
      v === 0 ? checker.fail(at, 'a whole number of 1 or more', v) : checker.count(v, at, true),
    ),
    field('unacknowledgeableRules', (v, at) => checker.names(v, at, false, acknowledgeableRuleProblem)),
  );
  if (rules.ignoreSnapshotAge === true && rules.maxSnapshotAgeSeconds !== undefined) {
    checker.problem(
      [...path, 'ignoreSnapshotAge'],
      'expected either ignoreSnapshotAge or maxSnapshotAgeSeconds, found both',
    );
  }
  return checker.problems.length === before ? checked : undefined;
}

/** What is wrong with `id` as an entry of `unacknowledgeableRules`, if anything. */
function acknowledgeableRuleProblem(id: string): string | undefined {
  if (GATE_RULES.some((rule) => rule.id === id && rule.acknowledgeable)) return undefined;
  const ids = GATE_RULES.filter((rule) => rule.acknowledgeable).map((rule) => rule.id);
  return `expected the id of a rule that can be acknowledged (${ids.join(', ')}), found another string`;
}

/**
 * Checks a list of acknowledgements at `path` into `checker` (their form only: whether a reason
 * is long enough or an expiry has passed is for the gate to report as `DIS-ACK-*`).
 */
export function checkAcknowledgements(
  checker: FieldChecker,
  value: unknown,
  path: FieldPath,
): GateAcknowledgement[] | undefined {
  if (!Array.isArray(value)) return checker.fail(path, 'a list of acknowledgements', value);
  const before = checker.problems.length;
  const acks = value.map((entry, i): GateAcknowledgement | undefined => {
    const entryPath = [...path, i];
    const ack = checker.object(entry, entryPath, ACKNOWLEDGEMENT_FIELDS);
    if (ack === undefined) return undefined;
    const [ruleId, task, reason] = (['ruleId', 'task', 'reason'] as const).map((key) =>
      checker.string(ack[key], [...entryPath, key]),
    );
    const expires = checker.optional(ack, 'expires', (v) => checker.string(v, [...entryPath, 'expires']));
    return { ruleId: ruleId!, task: task!, reason: reason!, ...expires };
  });
  return checker.problems.length === before ? (acks as GateAcknowledgement[]) : undefined;
}

/**
 * Every problem of `value` as a list of acknowledgements (an acknowledgements file), each
 * `path: …` counted from the list (`1.reason: expected a string, found nothing`).
 */
export function acknowledgementProblems(value: unknown): string[] {
  const checker = new FieldChecker();
  checkAcknowledgements(checker, value, []);
  return checker.problems;
}

/**
 * Checks `value` as {@link GateRules}: every problem is listed, path by path. Returns the rules
 * with their fields in the documented order.
 * @param source what the rules are, for the message: `The gate rules`, `The props of …`
 * @throws GateConfigError listing every problem
 */
export function parseGateRules(value: unknown, source = 'The gate rules'): GateRules {
  const checker = new FieldChecker();
  const rules = checkGateRules(checker, value, []);
  if (rules !== undefined) return rules;
  throw new GateConfigError(
    `${source} are not valid: ${checker.problems.join('; ')}. Give each rule a value of the kind it expects, or leave it out.`,
    { source, problems: checker.problems },
  );
}
