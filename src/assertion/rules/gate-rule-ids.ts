/**
 * Every rule id, in evaluation order. Each id has one file in this folder named after it in
 * lower case (`DIS-TASK-STATE` → `dis-task-state.ts`). A test pins this list.
 */
export const GATE_RULE_IDS: readonly string[] = [
  'DIS-TASK-STATE',
  'DIS-TASK-REQUIRED',
  'DIS-TASK-UNEXPECTED',
  'DIS-DESTINATION-TYPE',
  'DIS-TRANSFER-LAG',
  'DIS-MIN-TASKS',
  'DIS-ACK-INVALID',
  'DIS-ACK-EXPIRED',
];

/** Rule ids whose findings cannot be acknowledged (problems with acknowledgements themselves). */
export const UNACKNOWLEDGEABLE_RULE_IDS: readonly string[] = ['DIS-ACK-INVALID', 'DIS-ACK-EXPIRED'];
