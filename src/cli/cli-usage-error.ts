import { DisError } from '../client/errors';

/**
 * The command line was wrong: an unknown command or option, a missing or malformed value.
 * The message names the problem and the `--help` to read; the exit code is 2.
 */
export class CliUsageError extends DisError {
  public constructor(message: string) {
    super('DIS_CLI_USAGE', message);
  }
}
