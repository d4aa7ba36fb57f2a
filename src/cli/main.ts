#!/usr/bin/env node
// The program `dis-transfer-tasks`: its commands, the dispatch of a command line to one of them
// (help, version, errors and their exit codes), and, when run as the bin, the wiring to the process.

import { getEventListeners } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DisError, messageWithoutCode } from '../client/errors';
import { type CliCommand, parseCommandArgs, PROGRAM } from './command';
import { checkCommand } from './commands/check';
import { contextListCommand, contextRefreshCommand, contextResetCommand } from './commands/context';
import { contextDiffCommand } from './commands/context-diff';
import { emulatorCommand } from './commands/emulator';
import { listCommand } from './commands/list';
import { CliUsageError, ExitCode, exitCodeForError } from './errors';
import { renderCommandHelp, renderGroupHelp, renderProgramHelp } from './help';
import { escapeControl, quote } from './escape';
import {
  type CliIo,
  controlSafeOutput,
  createStyle,
  redactingOutput,
  secretValues,
  type Style,
} from './output';

/** Every command of `dis-transfer-tasks`, in the order `--help` lists them. */
export const CLI_COMMANDS: readonly CliCommand[] = [
  listCommand,
  checkCommand,
  contextListCommand,
  contextDiffCommand,
  contextRefreshCommand,
  contextResetCommand,
  emulatorCommand,
];

/** The version of this package, read from its package.json (two levels above `lib/cli`). */
function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

function findCommand(commands: readonly CliCommand[], argv: readonly string[]): CliCommand | undefined {
  const matches = commands.filter((c) => c.path.every((word, i) => argv[i] === word));
  return matches.sort((a, b) => b.path.length - a.path.length)[0];
}

function unknownCommand(commands: readonly CliCommand[], argv: readonly string[]): CliUsageError {
  const group = commands.filter((c) => c.path.length > 1 && c.path[0] === argv[0]);
  if (group.length > 0) {
    const names = group.map((c) => c.path.join(' ')).join(', ');
    const given = argv[1] === undefined ? 'needs a subcommand' : `has no subcommand ${quote(argv[1])}`;
    return new CliUsageError(
      `${quote(argv[0])} ${given}: use one of ${names}. Run \`${PROGRAM} --help\` for the list.`,
    );
  }
  return new CliUsageError(
    `Unknown command ${quote(argv[0])}. Commands: ${[...new Set(commands.map((c) => c.path[0]))].join(', ')}. Run \`${PROGRAM} --help\` for what each does.`,
  );
}

function reportError(error: unknown, io: CliIo, style: Style, debug: boolean): number {
  const code = exitCodeForError(error);
  if (DisError.isDisError(error)) {
    io.stderr.write(`${style.red('Error')} [${error.code}]: ${escapeControl(messageWithoutCode(error))}\n`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(
      `${style.red('Unexpected error')}: ${escapeControl(message)}\nThis is a bug in ${PROGRAM}; run again with --debug and report the output.\n`,
    );
  }
  if (debug && error instanceof Error && error.stack) {
    // The stack's first line repeats the message: escaped like the message.
    io.stderr.write(`${style.dim(error.stack.replace(error.message, () => escapeControl(error.message)))}\n`);
  }
  return code;
}

/**
 * Runs one command line of `dis-transfer-tasks` (without the `node` and script words) and
 * resolves to its exit code (see {@link ExitCode}). Never throws and never exits the process:
 * `main` does that. Everything written goes through `io`, with the values of secret environment
 * variables redacted as a last line of defence.
 */
export async function exec(
  argv: readonly string[],
  io: CliIo,
  commands: readonly CliCommand[] = CLI_COMMANDS,
): Promise<number> {
  const secrets = secretValues(io.env);
  const errStyle = createStyle(io.stderr, io.env);
  // Secrets are redacted from the text as written, then control characters are escaped.
  const safeIo: CliIo = {
    ...io,
    stdout: redactingOutput(controlSafeOutput(io.stdout, createStyle(io.stdout, io.env).enabled), secrets),
    stderr: redactingOutput(controlSafeOutput(io.stderr, errStyle.enabled), secrets),
  };
  const debug = argv.includes('--debug');
  try {
    if (argv[0] === 'help' && argv.length > 1) {
      return await exec([...argv.slice(1), '--help'], io, commands);
    }
    const first = argv[0];
    if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
      const out = first === undefined ? safeIo.stderr : safeIo.stdout;
      out.write(renderProgramHelp(commands, createStyle(io.stdout, io.env)));
      return first === undefined ? ExitCode.USAGE : ExitCode.OK;
    }
    if (first === '--version' || first === '-V') {
      safeIo.stdout.write(`${packageVersion()}\n`);
      return ExitCode.OK;
    }
    const command = findCommand(commands, argv);
    const group = commands.filter((c) => c.path.length > 1 && c.path[0] === first);
    if (!command && group.length > 0 && (argv[1] === '--help' || argv[1] === '-h')) {
      safeIo.stdout.write(renderGroupHelp(first, group, createStyle(io.stdout, io.env)));
      return ExitCode.OK;
    }
    if (!command) {
      throw unknownCommand(commands, argv);
    }
    const args = parseCommandArgs(command, argv.slice(command.path.length));
    if (args.values.help === true) {
      safeIo.stdout.write(renderCommandHelp(command, createStyle(io.stdout, io.env)));
      return ExitCode.OK;
    }
    return await command.run(args, safeIo);
  } catch (e) {
    return reportError(e, safeIo, errStyle, debug);
  }
}

// ---------------------------------------------------------------------------------------------
// The process

/** How long a command may take to wind down after SIGINT/SIGTERM before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 5_000;

/**
 * Runs the command line of this process and sets its exit code. SIGINT and SIGTERM abort the
 * command's `signal` (long-running commands wind down; the others stop at once, exit 130 or 143);
 * a closed stdout (`dis-transfer-tasks list | head -1`) ends the process quietly, as other CLIs do.
 */
function main(): void {
  const controller = new AbortController();
  for (const [signal, number] of [
    ['SIGINT', 2],
    ['SIGTERM', 15],
  ] as const) {
    process.once(signal, () => {
      // Long-running commands (the emulator) listen for the abort and wind down; the others stop now.
      const listening = getEventListeners(controller.signal, 'abort').length > 0;
      controller.abort(signal);
      if (!listening) process.exit(128 + number);
      setTimeout(() => process.exit(128 + number), SHUTDOWN_GRACE_MS).unref();
    });
  }
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
  void exec(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    signal: controller.signal,
  }).then((code) => {
    process.exitCode = code;
  });
}

/* istanbul ignore next -- the process wiring; everything it calls is tested through `exec`. */
if (require.main === module) {
  main();
}
