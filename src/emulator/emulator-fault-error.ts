import { DisError } from '../client/errors';

/** A fault given to `injectFault` failed validation. */
export class EmulatorFaultError extends DisError {
  public constructor(fieldPath: string, problem: string) {
    super(
      'DIS_EMULATOR_FAULT_INVALID',
      `The injected fault is invalid at ${fieldPath || '(root)'}: ${problem}. ` +
        'See EmulatorFault for the fields and their ranges.',
      { fieldPath },
    );
  }
}
