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
