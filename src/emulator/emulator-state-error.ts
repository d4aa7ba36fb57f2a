import { DisError } from '../client/errors';

/** A control call (set a task's state, add or remove a task) named something the scenario does not hold. */
export class EmulatorStateError extends DisError {
  public constructor(what: string, fix: string) {
    super('DIS_EMULATOR_STATE', `${what}. ${fix}`, {});
  }
}
