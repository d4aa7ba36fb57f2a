import { disAckExpired } from './dis-ack-expired';
import { disAckExpiring } from './dis-ack-expiring';
import { disAckInvalid } from './dis-ack-invalid';
import { disAckUnused } from './dis-ack-unused';
import { disDestinationType } from './dis-destination-type';
import { disMinTasks } from './dis-min-tasks';
import { disSnapshotAge } from './dis-snapshot-age';
import { disStreamAbsent } from './dis-stream-absent';
import { disTaskRequired } from './dis-task-required';
import { disTaskState } from './dis-task-state';
import { disTaskUnexpected } from './dis-task-unexpected';
import { disTransferLag } from './dis-transfer-lag';
import type { GateRule } from './rule';

/**
 * Every gate rule, in evaluation order: the one list of rule ids. Findings are reported in this
 * order; a test pins it, so adding, removing or moving a rule is a reviewed change. First whether
 * the data can be trusted (the stream exists, the snapshot is recent), then the tasks, then the
 * acknowledgements: rules that cannot be acknowledged come last, after every finding an
 * acknowledgement could accept is known.
 */
export const GATE_RULES: readonly GateRule[] = [
  disStreamAbsent,
  disSnapshotAge,
  disTaskState,
  disTaskRequired,
  disTaskUnexpected,
  disDestinationType,
  disTransferLag,
  disMinTasks,
  disAckInvalid,
  disAckExpired,
  disAckExpiring,
  disAckUnused,
];
