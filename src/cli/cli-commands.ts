import type { CliCommand } from './command';
import { checkCommand } from './commands/check-command';
import { contextListCommand } from './commands/context-list-command';
import { contextRefreshCommand } from './commands/context-refresh-command';
import { contextResetCommand } from './commands/context-reset-command';
import { emulatorCommand } from './commands/emulator-command';
import { listCommand } from './commands/list-command';

/** Every command of `dis-transfer-tasks`, in the order `--help` lists them. */
export const CLI_COMMANDS: readonly CliCommand[] = [
  listCommand,
  checkCommand,
  contextListCommand,
  contextRefreshCommand,
  contextResetCommand,
  emulatorCommand,
];
