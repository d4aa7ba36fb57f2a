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
