// A length of time, for the props that take one: the lookup's `maxAge`, the gate's
// `maxTransferLag` and `maxSnapshotAge`. It lives in the lookup part so that both the lookup and
// the gate (which may import the lookup, not the other way round) can use it; the package root
// exports it.
import { DisConfigError } from '../client/errors';

/** A length of time, jsii-friendly: `Duration.minutes(15)`, `Duration.hours(24)`. */
export class Duration {
  /** A number of seconds. */
  public static seconds(amount: number): Duration {
    return new Duration(amount, 1, 'seconds');
  }

  /** A number of minutes. */
  public static minutes(amount: number): Duration {
    return new Duration(amount, 60, 'minutes');
  }

  /** A number of hours. */
  public static hours(amount: number): Duration {
    return new Duration(amount, 3600, 'hours');
  }

  /** A number of days. */
  public static days(amount: number): Duration {
    return new Duration(amount, 86400, 'days');
  }

  /** True when `x` is a Duration of any copy of this package (props from JavaScript are not type-checked). */
  public static isDuration(x: unknown): x is Duration {
    return (
      typeof x === 'object' &&
      x !== null &&
      typeof (x as Duration).toSeconds === 'function' &&
      typeof (x as Duration).toSeconds() === 'number'
    );
  }

  private readonly totalSeconds: number;

  private constructor(amount: number, unitSeconds: number, unit: string) {
    if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
      throw new DisConfigError(
        `Duration.${unit}(${String(amount)}) is not a length of time; pass a finite number of 0 or more.`,
        { field: `Duration.${unit}`, rule: 'a finite number of 0 or more' },
      );
    }
    this.totalSeconds = amount * unitSeconds;
  }

  /** The length in seconds. */
  public toSeconds(): number {
    return this.totalSeconds;
  }

  /** The length in milliseconds. */
  public toMilliseconds(): number {
    return this.totalSeconds * 1000;
  }

  /** The length in words, largest units first: `1 day 2 hours`, `15 minutes`, `0 seconds`. */
  public toHumanString(): string {
    return humanDuration(this.totalSeconds);
  }
}

const UNITS: ReadonlyArray<readonly [string, number]> = [
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/**
 * A number of seconds in words, for messages that name an age or a limit: the largest unit and,
 * when not zero, the next one, rounded down: `3 days 4 hours`, `1 hour`, `2 minutes 5 seconds`,
 * `0 seconds`.
 */
export function humanDuration(seconds: number): string {
  const whole = Number.isFinite(seconds) ? Math.max(0, Math.floor(seconds)) : 0;
  const first = UNITS.findIndex(([, size]) => whole >= size);
  if (first < 0) return '0 seconds';
  const words = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? '' : 's'}`;
  const [unit, size] = UNITS[first];
  const parts = [words(Math.floor(whole / size), unit)];
  const next = UNITS[first + 1];
  if (next && Math.floor((whole % size) / next[1]) > 0)
    parts.push(words(Math.floor((whole % size) / next[1]), next[0]));
  return parts.join(' ');
}
