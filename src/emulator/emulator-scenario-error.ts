import { DisError } from '../client/errors';

/** A scenario file or object failed validation. The message names the bad field by its path. */
export class EmulatorScenarioError extends DisError {
  /** Where the scenario came from: a file path, or `(inline scenario)`. */
  public readonly source: string;
  /** The path of the first bad field, dotted (`projects[0].streams[1].tasks[0].state`), or `''` for the file itself. */
  public readonly fieldPath: string;

  public constructor(source: string, fieldPath: string, problem: string, options?: ErrorOptions) {
    const where = fieldPath === '' ? '' : ` at ${fieldPath}`;
    super(
      'DIS_EMULATOR_SCENARIO_INVALID',
      `The emulator scenario ${source} is invalid${where}: ${problem}. ` +
        'Fix that field (scenarios/demo.json is a complete example) and start the emulator again.',
      { source, fieldPath },
      options,
    );
    this.source = source;
    this.fieldPath = fieldPath;
  }
}
