import { DisError } from '../client/errors';

/** A recorded or provided context value does not have the shape a lookup records. */
export class DisContextValueError extends DisError {
  public constructor(key: string, where: string, problem: string) {
    super(
      'DIS_CONTEXT_VALUE_INVALID',
      `The value of context key "${key}" in ${where} is not a recorded transfer-task lookup: ${problem}. ` +
        'Remove the entry (npx dis-transfer-tasks context reset, or edit the file) and synth again with ' +
        'credentials; in tests, build values with TransferTasksContext.entry().',
      { key, where },
    );
  }
}
