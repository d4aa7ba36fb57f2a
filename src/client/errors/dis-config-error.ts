import { DisError } from '../dis-error';

/** Which setting was wrong and which rule it broke. */
export interface DisConfigErrorDetails {
  /** The option or environment variable, for example `streamName` or `HW_REGION_NAME`. */
  readonly field: string;
  /** The rule, for example `1-60 characters of letters, digits, "_" and "-"`. */
  readonly rule: string;
}

/**
 * A setting or input is missing or malformed; detected before any request is sent.
 * Code `DIS_CONFIG_ERROR`.
 */
export class DisConfigError extends DisError {
  /** The stable code of this class. */
  public static readonly CODE = 'DIS_CONFIG_ERROR';
  /** The option or environment variable at fault. */
  public readonly field: string;
  /** The rule it broke. */
  public readonly rule: string;

  public constructor(message: string, details: DisConfigErrorDetails, options?: ErrorOptions) {
    super(DisConfigError.CODE, message, { ...details }, options);
    this.field = details.field;
    this.rule = details.rule;
  }
}
