import type { CliCommand } from './cli-command';

/** Every command of `dis-transfer-tasks`, in the order `--help` lists them. */
export const CLI_COMMANDS: readonly CliCommand[] = [];
