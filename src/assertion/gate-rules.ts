// The rules a gate applies, as plain data: what the construct's props, the gate file, the
// acknowledgements file and the CLI's options all turn into.

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
 * The rules a gate applies to transfer task snapshots: plain, JSON-serializable data, shared by the
 * `DisTransferTasksAssertion` construct, the gate file and the CLI `check` command.
 *
 * Task references are `task-name` (matches in any stream) or `stream/task-name`.
 */
export interface GateRules {
  /**
   * States a task may be in. A state this library does not know is reported as unknown unless it
   * is listed here.
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
   * Destination types a task may dump to (`DIS-DESTINATION-TYPE`).
   * @default - any documented type; an unknown type is always a finding unless listed here
   */
  readonly destinationTypes?: string[];
  /**
   * The longest time, in seconds, since a task's last transfer, measured against the snapshot's
   * fetch time so that synth stays deterministic (`DIS-TRANSFER-LAG`).
   * @default - no lag check
   */
  readonly maxTransferLagSeconds?: number;
  /**
   * The least number of (not ignored) tasks over all looked-up streams (`DIS-MIN-TASKS`).
   * @default - no minimum
   */
  readonly minTasks?: number;
  /**
   * Whether rule findings are errors or warnings. Acknowledgement problems are always errors.
   * @default GateSeverity.ERROR
   */
  readonly severity?: GateSeverity;
  /**
   * Accepted findings.
   * @default - none
   */
  readonly acknowledgements?: GateAcknowledgement[];
}
