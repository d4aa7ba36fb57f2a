import type { GateAcknowledgement } from './gate-acknowledgement';
import type { GateSeverity } from './gate-severity';

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
