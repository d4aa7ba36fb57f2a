import { DisError } from '../client/errors';

/** The emulator's child process could not be started, or stopped answering its parent. */
export class EmulatorProcessError extends DisError {
  public constructor(problem: string, fix: string, options?: ErrorOptions) {
    super('DIS_EMULATOR_PROCESS', `The DIS emulator child process ${problem}. ${fix}`, {}, options);
  }
}
