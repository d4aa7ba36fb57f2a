import { CliUsageError } from './errors';

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
      `${option} '${text}' is not a duration; write seconds (900) or a number with s, m, h or d (15m, 2h).`,
    );
  }
  return Number(match[1]) * UNIT_SECONDS[match[2] || 's'];
}
