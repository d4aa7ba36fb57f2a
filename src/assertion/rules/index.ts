import type { GateRuleFunction } from '../rule-context';
import { disAckExpired } from './dis-ack-expired';
import { disAckInvalid } from './dis-ack-invalid';
import { disDestinationType } from './dis-destination-type';
import { disMinTasks } from './dis-min-tasks';
import { disTaskRequired } from './dis-task-required';
import { disTaskState } from './dis-task-state';
import { disTaskUnexpected } from './dis-task-unexpected';
import { disTransferLag } from './dis-transfer-lag';
import { GATE_RULE_IDS } from './gate-rule-ids';

/** Every rule by id, in the order of {@link GATE_RULE_IDS}. */
export const GATE_RULES: ReadonlyMap<string, GateRuleFunction> = new Map(
  (
    [
      ['DIS-TASK-STATE', disTaskState],
      ['DIS-TASK-REQUIRED', disTaskRequired],
      ['DIS-TASK-UNEXPECTED', disTaskUnexpected],
      ['DIS-DESTINATION-TYPE', disDestinationType],
      ['DIS-TRANSFER-LAG', disTransferLag],
      ['DIS-MIN-TASKS', disMinTasks],
      ['DIS-ACK-INVALID', disAckInvalid],
      ['DIS-ACK-EXPIRED', disAckExpired],
    ] as [string, GateRuleFunction][]
  ).sort((a, b) => GATE_RULE_IDS.indexOf(a[0]) - GATE_RULE_IDS.indexOf(b[0])),
);
