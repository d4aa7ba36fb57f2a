const BRAND = Symbol.for('cdktf-dis-transfer-tasks.DisError');

/** The plain-object form of a {@link DisError}: what `toJSON` returns and what crosses a worker boundary. */
export interface DisErrorJson {
  /** The error class name, for example `DisApiError`. */
  readonly name: string;
  /** The stable error code, for example `DIS_API_ERROR`. */
  readonly code: string;
  /** The full message, fix included. */
  readonly message: string;
  /** Class-specific details (status, service error code, request id, …). Never secrets. */
  readonly details: Record<string, unknown>;
}

/**
 * Base class of every error this package throws on purpose.
 *
 * Match on `code` rather than `instanceof`: two copies of the package (or a worker thread) may be
 * loaded at once. `DisError.isDisError(e)` checks a brand that works across copies.
 * Messages say what was wrong and how to fix it; they never contain a secret.
 */
export class DisError extends Error {
  /** True when `x` is a `DisError` from any copy of this package. */
  public static isDisError(x: unknown): x is DisError {
    return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[BRAND] === true;
  }

  /** A stable, machine-readable code such as `DIS_API_ERROR`. */
  public readonly code: string;
  /** Class-specific details (never secrets); also exposed as properties by subclasses. */
  public readonly details: Record<string, unknown>;

  public constructor(
    code: string,
    message: string,
    details: Record<string, unknown> = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.code = code;
    this.details = details;
    this.name = new.target.name;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** The plain-object form: name, code, message and details. */
  public toJSON(): DisErrorJson {
    return { name: this.name, code: this.code, message: this.message, details: { ...this.details } };
  }
}
