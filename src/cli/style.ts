import type { CliOutput } from './cli-io';

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

function sgr(open: number, close: number, enabled: boolean): (text: string) => string {
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
    bold: sgr(1, 22, enabled),
    dim: sgr(2, 22, enabled),
    green: sgr(32, 39, enabled),
    yellow: sgr(33, 39, enabled),
    red: sgr(31, 39, enabled),
  };
}

/** The visible width of `text`, ANSI colour codes excluded. */
export function visibleWidth(text: string): number {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '').length;
}
