// A length of time, for the props that take one: the lookup's `maxAge`, the gate's
// `maxTransferLag` and `maxSnapshotAge`. It lives in the lookup part so that both the lookup and
// the gate (which may import the lookup, not the other way round) can use it; the package root
// exports it. formatAge is the one way an age or a length of time is written in messages.
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

  /** The length, compactly: `1d`, `1h 30m`, `15m`, `0s` (as {@link formatAge} writes it). */
  public toHumanString(): string {
    return formatAge(this.totalSeconds);
  }
}

/**
 * A number of seconds, compactly, for messages and tables that show an age or a limit: `45s`,
 * `12m 5s`, `3h 5m`, `2d 4h` (the largest unit and, when not zero, the next one, rounded down).
 */
export function formatAge(seconds: number): string {
  const s = Number.isFinite(seconds) ? Math.max(0, Math.floor(seconds)) : 0;
  if (s < 60) return `${s}s`;
  const pairs: [number, string, number, string][] = [
    [86400, 'd', 3600, 'h'],
    [3600, 'h', 60, 'm'],
    [60, 'm', 1, 's'],
  ];
  for (const [big, bigUnit, small, smallUnit] of pairs) {
    if (s >= big) {
      const rest = Math.floor((s % big) / small);
      return rest === 0
        ? `${Math.floor(s / big)}${bigUnit}`
        : `${Math.floor(s / big)}${bigUnit} ${rest}${smallUnit}`;
    }
  }
  return `${s}s`;
}
