import { disAckExpired } from './dis-ack-expired';
import { disAckInvalid } from './dis-ack-invalid';
import { disDestinationType } from './dis-destination-type';
import { disMinTasks } from './dis-min-tasks';
import { disTaskRequired } from './dis-task-required';
import { disTaskState } from './dis-task-state';
import { disTaskUnexpected } from './dis-task-unexpected';
import { disTransferLag } from './dis-transfer-lag';
import type { GateRule } from './rule';

/**
 * Every gate rule, in evaluation order: the one list of rule ids. Findings are reported in this
 * order; a test pins it, so adding, removing or moving a rule is a reviewed change.
 */
export const GATE_RULES: readonly GateRule[] = [
  disTaskState,
  disTaskRequired,
  disTaskUnexpected,
  disDestinationType,
  disTransferLag,
  disMinTasks,
  disAckInvalid,
  disAckExpired,
];
