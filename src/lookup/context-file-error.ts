import { DisError } from '../client/errors';

/**
 * The context cache file cannot be read as a JSON object. The file is left untouched: it is never
 * overwritten while broken.
 */
export class DisContextFileError extends DisError {
  /** The file that failed to parse. */
  public readonly file: string;
  /** The character offset of the problem, when known. */
  public readonly position?: number;
  /** The 1-based line of the problem, when known. */
  public readonly line?: number;
  /** The 1-based column of the problem, when known. */
  public readonly column?: number;

  public constructor(file: string, problem: string, position?: number, line?: number, column?: number) {
    const where = line !== undefined ? ` at line ${line}, column ${column} (position ${position})` : '';
    super(
      'DIS_CONTEXT_FILE_INVALID',
      `The context cache file ${file} is not a valid JSON object${where}: ${problem}. ` +
        'It was left unchanged. Fix the file by hand (git diff / git checkout it), or delete it and run ' +
        'synth with credentials to record the lookups again.',
      { file, position, line, column },
    );
    this.file = file;
    this.position = position;
    this.line = line;
    this.column = column;
  }
}
