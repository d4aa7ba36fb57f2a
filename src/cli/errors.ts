// The CLI's own error and its exit codes. The conventions of every part's `errors.ts` are stated
// in `src/client/errors.ts`: a static `CODE` and `KIND` per class, typed properties as getters over
// `details`, and the part's list of classes (`CLI_ERRORS`).

import { DisError, ErrorKind, type DisErrorClass } from '../client/errors';

/**
 * The command line was wrong: an unknown command or option, a missing or malformed value, a file
 * an option names that cannot be read. The message names the problem and the `--help` to read.
 * Code `DIS_CLI_USAGE`; exit code 2.
 */
export class CliUsageError extends DisError {
  /** The stable code of this class. */
  public static readonly CODE = 'DIS_CLI_USAGE';
  /** Fixed in the command line. */
  public static override readonly KIND = ErrorKind.CONFIGURATION;

  public constructor(message: string) {
    super(CliUsageError.CODE, message);
  }
}

/**
 * A `context` command found no context cache file where it looked: usually the wrong folder.
 * The message names the file, its folder and how to point at another one. Code
 * `DIS_CONTEXT_FILE_MISSING`; exit code 2.
 */
export class CliContextFileMissingError extends DisError {
  /** The stable code of this class. */
  public static readonly CODE = 'DIS_CONTEXT_FILE_MISSING';
  /** Fixed by running in the app's folder or naming the file. */
  public static override readonly KIND = ErrorKind.CONFIGURATION;

  public constructor(file: string, folder: string) {
    super(
      CliContextFileMissingError.CODE,
      `There is no context cache file ${JSON.stringify(file)}: nothing is recorded in ${JSON.stringify(folder)}. ` +
        "Run the command in the cdktf app's folder (beside cdktf.json), or name the file with --file " +
        '(or DIS_LOOKUP_CONTEXT_FILE); a synth with credentials creates it.',
      { file, folder },
    );
  }

  /** The absolute path looked for. */
  public get file(): string {
    return this.details.file as string;
  }

  /** The folder it was looked for in. */
  public get folder(): string {
    return this.details.folder as string;
  }
}

/** The CLI's coded errors. */
export const CLI_ERRORS: readonly DisErrorClass[] = [CliUsageError, CliContextFileMissingError];

/**
 * The exit codes of `dis-transfer-tasks`, documented in the README and stable across versions:
 * a pipeline can tell "the tasks are unhealthy" from "the check could not run".
 */
export enum ExitCode {
  /** Everything checked is healthy (or the command did what it was asked). */
  OK = 0,
  /** The check ran and found problems with the transfer tasks (or `context diff` found drift). */
  FINDINGS = 1,
  /** The command line or the configuration (credentials, region, project, files) is wrong. */
  USAGE = 2,
  /** The service or the network failed: DIS or IAM answered with an error, or could not be reached. */
  SERVICE = 3,
}

/**
 * The exit code for an error that stopped a command, read from the error's `kind` (who can act on
 * it): {@link ExitCode.USAGE} for {@link ErrorKind.CONFIGURATION} (the command line, environment,
 * credentials or files; also a service answer that says a stream or project does not exist),
 * {@link ExitCode.SERVICE} for {@link ErrorKind.SERVICE} (DIS or IAM failed or could not be
 * reached) and for anything that is not a `DisError` (a bug).
 */
export function exitCodeForError(error: unknown): ExitCode {
  if (!DisError.isDisError(error)) {
    return ExitCode.SERVICE;
  }
  return error.kind === ErrorKind.SERVICE ? ExitCode.SERVICE : ExitCode.USAGE;
}
