// The rules a gate applies, as plain data: what the construct's props, the gate file, the
// acknowledgements file and the CLI's options all turn into; and the one validator of them.
import { GateConfigError } from './errors';

/** How a gate reports the findings of its rules. */
export enum GateSeverity {
  /** Findings fail the gate (and, depending on the enforcement, synth, plan or apply). */
  ERROR = 'error',
  /** Findings are reported as warnings and never fail anything. */
  WARNING = 'warning',
}

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
   * States a task may be in (`TransferTaskState` values, or other strings the service returns). A
   * state this library does not know is reported as unknown unless it is listed here.
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
   * Destination types a task may dump to (`DestinationType` values, `DIS-DESTINATION-TYPE`).
   * @default - any documented type; an unknown type is always a finding unless listed here
   */
  readonly destinationTypes?: string[];
  /**
   * The least number of (not ignored) tasks over all looked-up streams (`DIS-MIN-TASKS`), a whole
   * number.
   * @default - no minimum
   */
  readonly minTasks?: number;
  /**
   * Whether rule findings are errors (which fail the gate) or warnings (which never do).
   * Acknowledgement problems are always errors.
   * @default GateSeverity.ERROR
   */
  readonly severity?: GateSeverity;
  /**
   * Accepted findings: still reported, marked as acknowledged, no longer failing.
   * @default - none
   */
  readonly acknowledgements?: GateAcknowledgement[];
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
}

// ---------------------------------------------------------------------------------------------
// The one validator of gate rules: for the construct's props, the gate file, the acknowledgements
// file and the CLI's options alike. Hand-written rather than zod, so that synth (any enforcement)
// and `check` never load a validation library.

/** A field path: `['rules', 'acknowledgements', 0, 'reason']`. */
export type FieldPath = readonly (string | number)[];

/** The rules that are lists of names (states, task references, destination types). */
const LIST_RULES = [
  'allowedStates',
  'requiredTasks',
  'expectedTasks',
  'ignoreTasks',
  'destinationTypes',
] as const;
/** Every field of {@link GateRules}, in the order a checked value has them. */
const RULE_FIELDS = [...LIST_RULES, 'maxTransferLagSeconds', 'minTasks', 'severity', 'acknowledgements'];
/** Every field of {@link GateAcknowledgement}, in order. */
const ACKNOWLEDGEMENT_FIELDS = ['ruleId', 'task', 'reason', 'expires'];

/**
 * Checks a value read from outside field by field, collecting every problem as `path: expected …,
 * found …`, and builds a copy with the fields in their documented order. Never quotes a string it
 * found: a hand-edited file can hold anything. Shared by the gate rules and the gate file.
 */
export class FieldChecker {
  /** Every problem found so far. */
  public readonly problems: string[] = [];

  /** Records a problem at `path`; returns undefined for the caller to return. */
  public fail(path: FieldPath, expected: string, value: unknown): undefined {
    this.problems.push(`${at(path)}: expected ${expected}, ${found(value)}`);
    return undefined;
  }

  /**
   * A plain object; a field outside `fields` is a problem (`hint` says what to use instead), and
   * the other fields are still returned to be checked, so that every problem is listed.
   */
  public object(
    value: unknown,
    path: FieldPath,
    fields: readonly string[],
    hint = `use ${fields.join(', ')}`,
  ): Record<string, unknown> | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return this.fail(path, 'an object', value);
    }
    for (const key of Object.keys(value).filter((k) => !fields.includes(k))) {
      this.problems.push(`${at(path)}: unknown field "${key}" (${hint})`);
    }
    return value as Record<string, unknown>;
  }

  /** A string; with `nonEmpty`, one of at least one character. */
  public string(value: unknown, path: FieldPath, nonEmpty = false): string | undefined {
    if (typeof value === 'string' && (!nonEmpty || value !== '')) return value;
    return this.fail(path, nonEmpty ? 'a non-empty string' : 'a string', value);
  }

  /** A list of non-empty strings; with `nonEmpty`, a list of at least one. */
  public names(value: unknown, path: FieldPath, nonEmpty = false): string[] | undefined {
    const what = `a ${nonEmpty ? 'non-empty ' : ''}list of non-empty strings`;
    if (!Array.isArray(value) || (nonEmpty && value.length === 0)) return this.fail(path, what, value);
    const before = this.problems.length;
    value.forEach((v, i) => {
      // A path is built only for a bad entry: lists of task names can be long.
      if (typeof v !== 'string' || v === '') this.fail([...path, i], 'a non-empty string', v);
    });
    return this.problems.length === before ? [...(value as string[])] : undefined;
  }

  /** A finite number of 0 or more; with `whole`, a whole number. */
  public count(value: unknown, path: FieldPath, whole: boolean): number | undefined {
    const ok = typeof value === 'number' && Number.isFinite(value) && value >= 0;
    if (ok && (!whole || Number.isInteger(value))) return value;
    return this.fail(path, `a ${whole ? 'whole ' : ''}number of 0 or more`, value);
  }

  /** One of `values`. */
  public oneOf<T>(value: unknown, path: FieldPath, values: readonly T[]): T | undefined {
    if (values.includes(value as T)) return value as T;
    return this.fail(path, values.map((v) => JSON.stringify(v)).join(' or '), value);
  }

  /**
   * `check(value)` unless the value is absent; the copy of an object then leaves the field out.
   * Returns `{}` or `{ [key]: checked }`, to spread into the copy.
   */
  public optional<T>(
    source: Record<string, unknown>,
    key: string,
    check: (value: unknown) => T | undefined,
  ): Record<string, T> {
    const value = source[key];
    if (value === undefined) return {};
    const checked = check(value);
    return checked === undefined ? {} : { [key]: checked };
  }
}

/** How a path reads in a problem: `rules.acknowledgements.0.reason`, `(top level)`. */
function at(path: FieldPath): string {
  return path.length > 0 ? path.join('.') : '(top level)';
}

/** What was found instead of what was expected. */
function found(value: unknown): string {
  if (value === undefined) return 'found nothing';
  if (typeof value === 'string') return value === '' ? 'found an empty string' : 'found another string';
  if (Array.isArray(value)) return value.length === 0 ? 'found an empty list' : 'found a list';
  if (typeof value === 'object' && value !== null) return 'found an object';
  return `found ${String(value)}`;
}

/** Checks gate rules at `path` into `checker`; returns the rules, fields in order, when valid. */
export function checkGateRules(
  checker: FieldChecker,
  value: unknown,
  path: FieldPath,
): GateRules | undefined {
  const before = checker.problems.length;
  const rules = checker.object(value, path, RULE_FIELDS);
  if (rules === undefined) return undefined;
  const lists = LIST_RULES.map((key) =>
    checker.optional(rules, key, (v) => checker.names(v, [...path, key])),
  );
  const checked: GateRules = Object.assign(
    {},
    ...lists,
    checker.optional(rules, 'maxTransferLagSeconds', (v) =>
      checker.count(v, [...path, 'maxTransferLagSeconds'], false),
    ),
    checker.optional(rules, 'minTasks', (v) => checker.count(v, [...path, 'minTasks'], true)),
    checker.optional(rules, 'severity', (v) =>
      checker.oneOf(v, [...path, 'severity'], Object.values(GateSeverity)),
    ),
    checker.optional(rules, 'acknowledgements', (v) =>
      checkAcknowledgements(checker, v, [...path, 'acknowledgements']),
    ),
  );
  return checker.problems.length === before ? checked : undefined;
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
