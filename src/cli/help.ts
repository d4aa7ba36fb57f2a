import { type CliCommand, type CliOptionSpec, COMMON_OPTIONS, PROGRAM } from './command';
import type { Style } from './output';

function optionLabel(name: string, spec: CliOptionSpec): string {
  const value = spec.type === 'string' ? ` ${spec.valueName ?? 'VALUE'}` : '';
  const short = spec.short ? `-${spec.short}, ` : '    ';
  return `${short}--${name}${value}`;
}

/** Lines of `label  description`, with descriptions aligned in one column. */
function renderDefinitionList(entries: ReadonlyArray<readonly [string, string]>): string {
  const width = Math.max(0, ...entries.map(([label]) => label.length));
  return entries.map(([label, text]) => `  ${label.padEnd(width)}  ${text}`).join('\n');
}

/** The `--help` text of one command, generated from the same option table the parser uses. */
export function renderCommandHelp(command: CliCommand, style: Style): string {
  const options = { ...command.options, ...COMMON_OPTIONS };
  const entries = Object.entries(options).map(([name, spec]) => {
    const repeat = spec.multiple ? ' Repeatable.' : '';
    return [optionLabel(name, spec), `${spec.description}${repeat}`] as const;
  });
  const parts = [
    `${style.bold('Usage:')} ${PROGRAM} ${command.path.join(' ')} ${command.usage}`.trimEnd(),
    '',
    command.summary,
  ];
  if (command.description) {
    parts.push('', command.description);
  }
  parts.push('', style.bold('Options:'), renderDefinitionList(entries));
  if (command.examples && command.examples.length > 0) {
    parts.push('', style.bold('Examples:'), ...command.examples.map((e) => `  ${e}`));
  }
  return `${parts.join('\n')}\n`;
}

const EXIT_CODES_HELP = renderDefinitionList([
  ['0', 'healthy: no findings (or the command did what it was asked)'],
  ['1', 'findings: the check ran and some transfer task breaks a rule (or context diff found drift)'],
  ['2', 'usage or configuration error: options, credentials, region, project, files'],
  ['3', 'service or network error: DIS or IAM failed or could not be reached'],
]);

/** The `--help` text of the program: what it does, its commands and the exit codes. */
export function renderProgramHelp(commands: readonly CliCommand[], style: Style): string {
  const list = renderDefinitionList(commands.map((c) => [c.path.join(' '), c.summary] as const));
  return [
    `${style.bold('Usage:')} ${PROGRAM} <command> [options]`,
    '',
    'Lists and checks the transfer (dump) tasks of Huawei Cloud DIS streams, manages the lookup cache',
    'of cdktf apps (cdktf.context.json) and runs a local DIS emulator. Credentials and region come from',
    'the same environment variables as the huaweicloud Terraform provider (HW_ACCESS_KEY, ...).',
    '',
    style.bold('Commands:'),
    list,
    '',
    style.bold('Exit codes:'),
    EXIT_CODES_HELP,
    '',
    `Run \`${PROGRAM} <command> --help\` for the options of a command.`,
    '',
  ].join('\n');
}

/** The `--help` text of a command group such as `context`. */
export function renderGroupHelp(name: string, group: readonly CliCommand[], style: Style): string {
  const list = renderDefinitionList(group.map((c) => [c.path.join(' '), c.summary] as const));
  return [
    `${style.bold('Usage:')} ${PROGRAM} ${name} <subcommand> [options]`,
    '',
    style.bold('Subcommands:'),
    list,
    '',
    `Run \`${PROGRAM} ${name} <subcommand> --help\` for its options.`,
    '',
  ].join('\n');
}
