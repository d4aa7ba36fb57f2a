// What the CLI writes and where: the streams a command gets (CliIo), colour (Style), plain-text
// tables, the gate report's colours, and the last lines of defence on every write: secrets
// redacted, control characters escaped.

import { maskSecrets, secretsFromEnv } from '../client/errors';
import { escapeControlKeepingNewlines } from './escape';

/** A stream the CLI writes to: `process.stdout`, `process.stderr` or a test double. */
export interface CliOutput {
  /** Writes text as is (the CLI adds its own newlines). */
  write(text: string): unknown;
  /** True when the stream is a terminal; colour is used only then. @default false */
  readonly isTTY?: boolean;
}

/**
 * Everything a command may touch outside its arguments. `main` wires it to the process; tests
 * call `exec` with their own, so no command reads `process` directly.
 */
export interface CliIo {
  /** Where results go (tables, JSON, reports without `--report-file`). */
  readonly stdout: CliOutput;
  /** Where errors, warnings and progress go. */
  readonly stderr: CliOutput;
  /** The environment: credentials, region, `NO_COLOR`. Never printed. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The directory relative paths (files, `cdktf.context.json`) are resolved against. */
  readonly cwd: string;
  /**
   * Aborted when the process is asked to stop (SIGINT, SIGTERM); long-running commands end then.
   * @default none: long-running commands run for the life of the process
   */
  readonly signal?: AbortSignal;
  /** The current time; injected so ages in tables are testable. @default Date.now */
  readonly now?: () => number;
}

// ---------------------------------------------------------------------------------------------
// Colour

/** Text decorations for terminal output; each is the identity when colour is off. */
export interface Style {
  /** True when the functions below add ANSI codes. */
  readonly enabled: boolean;
  /** Emphasis, for headings. */
  bold(text: string): string;
  /** Secondary text. */
  dim(text: string): string;
  /** Healthy. */
  green(text: string): string;
  /** Attention. */
  yellow(text: string): string;
  /** Failure. */
  red(text: string): string;
}

/** The SGR (colour) codes of each decoration, opening and closing: the only escapes the CLI writes. */
const SGR = {
  bold: [1, 22],
  dim: [2, 22],
  green: [32, 39],
  yellow: [33, 39],
  red: [31, 39],
} as const;

function sgr([open, close]: readonly [number, number], enabled: boolean): (text: string) => string {
  return enabled ? (text) => `\u001b[${open}m${text}\u001b[${close}m` : (text) => text;
}

/**
 * The style for one output stream. `NO_COLOR` set to anything non-empty turns colour off
 * (https://no-color.org); otherwise colour is on when the stream is a terminal, or when
 * `FORCE_COLOR` is set to something other than `0` (for pagers and CI logs that render ANSI).
 */
export function createStyle(output: CliOutput, env: Readonly<Record<string, string | undefined>>): Style {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0';
  const enabled = !noColor && (forced || output.isTTY === true);
  return {
    enabled,
    bold: sgr(SGR.bold, enabled),
    dim: sgr(SGR.dim, enabled),
    green: sgr(SGR.green, enabled),
    yellow: sgr(SGR.yellow, enabled),
    red: sgr(SGR.red, enabled),
  };
}

/** The visible width of `text`, ANSI colour codes excluded. */
export function visibleWidth(text: string): number {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '').length;
}

const LEVELS: ReadonlyArray<readonly [string, (style: Style, text: string) => string]> = [
  ['  ERROR ', (s, t) => s.red(t)],
  ['  WARN  ', (s, t) => s.yellow(t)],
  ['  ACK   ', (s, t) => s.dim(t)],
];

/**
 * The text of `formatGateReport` with its level words coloured (errors red, warnings yellow,
 * acknowledged findings dim) and the headline in bold; unchanged when `style` is off.
 */
export function colourGateReport(text: string, style: Style): string {
  if (!style.enabled) {
    return text;
  }
  return text
    .split('\n')
    .map((line, i) => {
      if (i === 0) {
        return style.bold(line);
      }
      const level = LEVELS.find(([prefix]) => line.startsWith(prefix));
      return level ? `  ${level[1](style, level[0].trim())}${line.slice(level[0].trimEnd().length)}` : line;
    })
    .join('\n');
}

// ---------------------------------------------------------------------------------------------
// Tables

/**
 * A plain-text table: a header row and rows, columns left-aligned and separated by two spaces,
 * no trailing spaces. Cells may hold ANSI colour codes; widths ignore them.
 */
export function renderTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((h, i) =>
    Math.max(visibleWidth(h), ...rows.map((r) => visibleWidth(r[i] ?? ''))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell + ' '.repeat(widths[i] - visibleWidth(cell))))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Redaction

/** The values of the secret environment variables set in `env` (the client's one list). */
export function secretValues(env: Readonly<Record<string, string | undefined>>): string[] {
  return secretsFromEnv(env);
}

/**
 * Wraps an output so that any of `secrets` written to it is replaced by `***`. Commands never
 * print credentials on purpose; this catches the accident (an unexpected error quoting a header).
 */
export function redactingOutput(output: CliOutput, secrets: readonly string[]): CliOutput {
  if (secrets.length === 0) {
    return output;
  }
  return {
    isTTY: output.isTTY,
    write: (text: string) => output.write(maskSecrets(text, secrets)),
  };
}

// ---------------------------------------------------------------------------------------------
// Control characters

/** Exactly the escape sequences {@link createStyle} writes, and no other. */
const OWN_SGR = new RegExp(`(\u001b\\[(?:${[...new Set(Object.values(SGR).flat())].join('|')})m)`);

/**
 * Wraps an output so that no control character reaches it except newlines and, when `colour` is
 * on, the colour codes of {@link createStyle}. Commands escape the values they print (task names,
 * keys, messages: see `escape.ts`); this catches the one they missed. JSON stays valid (a control
 * character can only be inside a string, where `\u001b` means the same).
 */
export function controlSafeOutput(output: CliOutput, colour: boolean): CliOutput {
  return {
    isTTY: output.isTTY,
    write: (text: string) =>
      output.write(
        text
          .split(colour ? OWN_SGR : /(?!)/)
          .map((part, i) => (i % 2 === 1 ? part : escapeControlKeepingNewlines(part)))
          .join(''),
      ),
  };
}
