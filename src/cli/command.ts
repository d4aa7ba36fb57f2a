// The shape of a command of `dis-transfer-tasks` and how its command line is read: the option
// table each command declares (which `--help` prints too), the parser, and the value forms options
// share (comma-separated lists, durations).

import { parseArgs } from 'node:util';
import { CliUsageError } from './errors';
import { escapeControl, quote } from './escape';
import type { CliIo } from './output';

/** One option of a command: what `parseArgs` needs plus what `--help` prints. */
export interface CliOptionSpec {
  /** `string` options take a value; `boolean` options are flags. */
  readonly type: 'string' | 'boolean';
  /** A one-letter alias, without the dash. @default none */
  readonly short?: string;
  /** True when the option may be given more than once (values are collected in order). @default false */
  readonly multiple?: boolean;
  /** The placeholder shown in help, for example `NAME`. @default `VALUE` for string options */
  readonly valueName?: string;
  /** One sentence for `--help`, default included. */
  readonly description: string;
}

/** The parsed command line of one command. */
export interface CliArgs {
  /** Option values by long name: `string`, `boolean` or `string[]` for repeatable options. */
  readonly values: Readonly<Record<string, string | boolean | string[] | undefined>>;
  /** Arguments that are not options, in order. */
  readonly positionals: readonly string[];
}

/** A command of `dis-transfer-tasks`: its help and its action. */
export interface CliCommand {
  /** The words that select it, for example `['context', 'refresh']`. */
  readonly path: readonly string[];
  /** One line for the command list. */
  readonly summary: string;
  /** What follows the command words in the usage line, for example `--stream NAME [options]`. */
  readonly usage: string;
  /** A paragraph or two printed under the usage line by `--help`. @default none */
  readonly description?: string;
  /** Its options by long name (`--help` and `--debug` are added to every command). */
  readonly options: Readonly<Record<string, CliOptionSpec>>;
  /** True when the command takes positional arguments (such as context keys). @default false */
  readonly allowPositionals?: boolean;
  /** Examples printed by `--help`, one command line each. @default none */
  readonly examples?: readonly string[];
  /** Runs the command and resolves to its exit code. Throws `DisError`s for usage and service errors. */
  run(args: CliArgs, io: CliIo): Promise<number>;
}

// ---------------------------------------------------------------------------------------------
// Parsing

/** The name of the program, as users type it. */
export const PROGRAM = 'dis-transfer-tasks';

/** Options every command accepts. */
export const COMMON_OPTIONS: Readonly<Record<string, CliOptionSpec>> = {
  help: { type: 'boolean', short: 'h', description: 'Show this help and exit.' },
  debug: { type: 'boolean', description: 'Print stack traces of unexpected errors (never secrets).' },
};

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
    const detail = (
      e instanceof Error ? e.message.replace(/\.? ?To specify a positional argument.*$/s, '') : String(e)
    ).replace(/\n/g, ' ');
    const name = [PROGRAM, ...command.path].join(' ');
    const unknown = /^Unknown option '(--?[^']*)'/.exec(detail)?.[1];
    const hint = unknown === undefined ? undefined : suggestOption(unknown, Object.keys(options));
    throw new CliUsageError(
      `${escapeControl(detail.replace(/\.$/, ''))}.${hint === undefined ? '' : ` Did you mean --${hint}?`} ` +
        `Run \`${name} --help\` for the options it takes.`,
    );
  }
}

/** Names users reach for that this CLI spells otherwise (`--report` became `--output`). */
const OPTION_ALIASES: Readonly<Record<string, string>> = { report: 'output', format: 'output' };

/**
 * The option of `known` that an unknown `--given` most likely meant: an alias users reach for, one
 * that starts with it, or the nearest by edit distance (at most 2); `undefined` when none is close.
 */
export function suggestOption(given: string, known: readonly string[]): string | undefined {
  const name = given.replace(/^--?/, '').replace(/=.*$/s, '');
  const alias = OPTION_ALIASES[name];
  if (alias !== undefined && known.includes(alias)) return alias;
  if (name.length >= 3) {
    const prefixed = known.filter((k) => k.startsWith(name));
    if (prefixed.length === 1) return prefixed[0];
  }
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(name, candidate);
    if (distance <= 2 && distance < name.length && (best === undefined || distance < best.distance)) {
      best = { name: candidate, distance };
    }
  }
  return best?.name;
}

/** Levenshtein distance, with adjacent transpositions counted as one edit (`--nmae` → `--name`). */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [
    i,
    ...Array<number>(b.length).fill(0),
  ]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}

// ---------------------------------------------------------------------------------------------
// Option values

/**
 * The values of a repeatable option, each also split on commas, trimmed, empties dropped and
 * duplicates removed: `--allowed-states RUNNING,STARTING` equals `--allowed-states RUNNING
 * --allowed-states STARTING`.
 */
export function listValues(raw: unknown): string[] | undefined {
  if (raw === undefined) {
    return undefined;
  }
  const values = (Array.isArray(raw) ? raw : [raw]).flatMap((v: unknown) => String(v).split(','));
  return [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))];
}

const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86400 };

/**
 * A duration option as seconds: a plain number of seconds (`900`) or a number with one unit
 * (`90s`, `15m`, `2h`, `1d`; decimals allowed, `1.5h`).
 * @throws CliUsageError naming the option and the accepted forms
 */
export function parseDuration(text: string, option: string): number {
  const match = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(text.trim());
  if (!match) {
    throw new CliUsageError(
      `${option} ${quote(text)} is not a duration; write seconds (900) or a number with s, m, h or d (15m, 2h).`,
    );
  }
  return Number(match[1]) * UNIT_SECONDS[match[2] || 's'];
}
