import { resolve } from 'node:path';
import type { CliArgs, CliOptionSpec } from './command';
import type { CliIo } from './output';

/** The default name of the context cache file, beside `cdktf.json`. */
export const DEFAULT_CONTEXT_FILE = 'cdktf.context.json';

/** The `--file` option of the `context` commands. */
export const CONTEXT_FILE_OPTION: Readonly<Record<string, CliOptionSpec>> = {
  file: {
    type: 'string',
    valueName: 'FILE',
    description: `The context cache file. Default: ${DEFAULT_CONTEXT_FILE} in the current directory.`,
  },
};

/** The absolute path of the context cache file the command line names. */
export function contextFilePath(args: CliArgs, io: CliIo): string {
  const file = typeof args.values.file === 'string' ? args.values.file : DEFAULT_CONTEXT_FILE;
  return resolve(io.cwd, file);
}
