import type { CliArgs, CliOptionSpec } from './cli-command';
import { CliUsageError } from './errors';

/** The formats a listing command can print. */
export type OutputFormat = 'table' | 'json';

/** The `--output` option of listing commands. */
export const OUTPUT_OPTION: Readonly<Record<string, CliOptionSpec>> = {
  output: {
    type: 'string',
    short: 'o',
    valueName: 'table|json',
    description: 'Output format: a table for people, or JSON for scripts. Default: table.',
  },
};

/** The `--output` value, checked. */
export function outputFormat(args: CliArgs, command: string): OutputFormat {
  const value = args.values.output ?? 'table';
  if (value !== 'table' && value !== 'json') {
    throw new CliUsageError(
      `--output must be table or json, not '${String(value)}'. Example: ${command} --output json.`,
    );
  }
  return value;
}
