import type { CliCommand, CliOptionSpec } from './cli-command';
import { COMMON_OPTIONS } from './common-options';
import { PROGRAM } from './parse-command-args';
import type { Style } from './style';

function optionLabel(name: string, spec: CliOptionSpec): string {
  const value = spec.type === 'string' ? ` ${spec.valueName ?? 'VALUE'}` : '';
  const short = spec.short ? `-${spec.short}, ` : '    ';
  return `${short}--${name}${value}`;
}

/** Lines of `label  description`, with descriptions aligned in one column. */
export function renderDefinitionList(entries: ReadonlyArray<readonly [string, string]>): string {
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
