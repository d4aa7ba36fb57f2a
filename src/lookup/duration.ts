import { GateConfigError } from './errors';

/** A length of time for `maxTransferLag`, jsii-friendly: `Duration.minutes(15)`. */
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

  private readonly totalSeconds: number;

  private constructor(amount: number, unitSeconds: number, unit: string) {
    if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
      throw new GateConfigError(
        `Duration.${unit}(${String(amount)}) is not a length of time; pass a finite number of 0 or more.`,
        { source: `Duration.${unit}` },
      );
    }
    this.totalSeconds = amount * unitSeconds;
  }

  /** The length in seconds. */
  public toSeconds(): number {
    return this.totalSeconds;
  }
}
