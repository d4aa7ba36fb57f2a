import type { ITransferTasksLookup } from '../lookup/dis-transfer-tasks';
import type { Duration } from './duration';
import type { Enforcement } from './enforcement';
import type { GateAcknowledgement, GateSeverity } from './gate-rules';

/** Properties of {@link DisTransferTasksAssertion}. Task references are `task-name` or `stream/task-name`. */
export interface DisTransferTasksAssertionProps {
  /** The lookup whose snapshots are checked: `DisTransferTasks` or `DisProjectTransferTasks`. */
  readonly lookup: ITransferTasksLookup;
  /**
   * States a task may be in (`TransferTaskState` values, or other strings the service returns).
   * @default [TransferTaskState.RUNNING]
   */
  readonly allowedStates?: string[];
  /**
   * Tasks that must exist.
   * @default - none
   */
  readonly requiredTasks?: string[];
  /**
   * The exact set of tasks: missing and unexpected tasks are both findings (the drift check).
   * @default - no drift check
   */
  readonly expectedTasks?: string[];
  /**
   * Tasks no rule looks at (they still satisfy `requiredTasks` and `expectedTasks`).
   * @default - none
   */
  readonly ignoreTasks?: string[];
  /**
   * Destination types a task may dump to (`DestinationType` values).
   * @default - any documented type; unknown types are findings
   */
  readonly destinationTypes?: string[];
  /**
   * The longest time since a task's last transfer, measured against the snapshot's fetch time
   * (not the synth time), so that synth stays deterministic.
   * @default - no lag check
   */
  readonly maxTransferLag?: Duration;
  /**
   * The least number of (not ignored) tasks over all looked-up streams.
   * @default - no minimum
   */
  readonly minTasks?: number;
  /**
   * Whether findings are errors (which enforce) or warnings (which never do).
   * @default GateSeverity.ERROR
   */
  readonly severity?: GateSeverity;
  /**
   * When the gate stops a deployment.
   * @default Enforcement.SYNTH
   */
  readonly enforcement?: Enforcement;
  /**
   * Accepted findings: still reported, marked as acknowledged, no longer failing.
   * @default - none
   */
  readonly acknowledgements?: GateAcknowledgement[];
  /**
   * The command that runs this package's CLI at apply time (`Enforcement.APPLY` only); it is
   * run as `<cliCommand> check --gate-file <file>` in the stack's working directory.
   * @default 'npx --no-install dis-transfer-tasks'
   */
  readonly cliCommand?: string;
}
