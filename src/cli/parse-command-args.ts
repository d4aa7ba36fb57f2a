import { parseArgs } from 'node:util';
import type { CliArgs, CliCommand } from './cli-command';
import { CliUsageError } from './errors';
import { COMMON_OPTIONS } from './common-options';

/** The name of the program, as users type it. */
export const PROGRAM = 'dis-transfer-tasks';

/**
 * Parses the arguments that follow a command's words with `node:util` `parseArgs` (strict: an
 * unknown option or a missing value is a {@link CliUsageError} that points at the command's help).
 */
export function parseCommandArgs(command: CliCommand, argv: readonly string[]): CliArgs {
  const options = { ...COMMON_OPTIONS, ...command.options };
  const config: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
  for (const [name, spec] of Object.entries(options)) {
    config[name] = {
      type: spec.type,
      ...(spec.short ? { short: spec.short } : {}),
      multiple: spec.multiple ?? false,
    };
  }
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: config,
      strict: true,
      allowPositionals: command.allowPositionals ?? false,
    });
    return { values: values as CliArgs['values'], positionals };
  } catch (e) {
    const detail =
      e instanceof Error ? e.message.replace(/\.? ?To specify a positional argument.*$/s, '') : String(e);
    const name = [PROGRAM, ...command.path].join(' ');
    throw new CliUsageError(`${detail.replace(/\.$/, '')}. Run \`${name} --help\` for the options it takes.`);
  }
}
