// The error family of the client, and the base every part of the package builds its own family on.
//
// Conventions, for every part's `errors.ts`:
// - a coded class declares `static readonly CODE` (the only place its code is written) and
//   `static readonly KIND` (who can fix it, see ErrorKind);
// - its typed properties are getters over `details`, so that an error rebuilt from its JSON form
//   (after it crossed the lookup worker) is complete without running the class's constructor;
// - each part exports the list of its classes (`CLIENT_ERRORS`, …); `src/errors.ts` joins them into
//   the one registry the CLI and the README test read.

import { isCallerFix } from './service-failures';

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

/** Who can act on a failure: it decides, among other things, the CLI's exit status (2 or 3). */
export enum ErrorKind {
  /** Fix the input, the configuration, the credentials or a file. */
  CONFIGURATION = 'configuration',
  /** The service or the network failed; trying again later may work. */
  SERVICE = 'service',
}

/** The static side of a coded error class, as the registry and {@link reviveDisError} see it. */
export interface DisErrorClass {
  /** The class name. */
  readonly name: string;
  /** The stable code of the class. */
  readonly CODE: string;
  /** Who can act on errors of the class. */
  readonly KIND: ErrorKind;
  /** The class's prototype (a {@link DisError}). */
  readonly prototype: DisError;
}

/**
 * Base class of every error this package throws on purpose.
 *
 * Match on `code` rather than `instanceof`: two copies of the package (or a worker thread) may be
 * loaded at once. `DisError.isDisError(e)` checks a brand that works across copies.
 * Messages say what was wrong and how to fix it; they never contain a secret. Every message
 * starts with the code (`DIS_LOOKUP_FAILED: …`): in Python, Java, C# and Go apps an error reaches
 * the host language as its message only, and the code at its start is what users match on.
 */
export class DisError extends Error {
  /** Who can act on errors of this class; subclasses override it. */
  public static readonly KIND: ErrorKind = ErrorKind.CONFIGURATION;

  /** True when `x` is a `DisError` from any copy of this package. */
  public static isDisError(x: unknown): x is DisError {
    return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[BRAND] === true;
  }

  /** A stable, machine-readable code such as `DIS_API_ERROR`. */
  public readonly code: string;
  /** Class-specific details (never secrets); subclasses expose them as typed getters. */
  public readonly details: Record<string, unknown>;

  public constructor(
    code: string,
    message: string,
    details: Record<string, unknown> = {},
    options?: ErrorOptions,
  ) {
    super(withCode(code, message), options);
    this.code = code;
    this.details = details;
    this.name = new.target.name;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** Who can act on this error: by default its class's `KIND`. */
  public get kind(): ErrorKind {
    return (this.constructor as Partial<DisErrorClass>).KIND ?? ErrorKind.CONFIGURATION;
  }

  /** The plain-object form: name, code, message and details. */
  public toJSON(): DisErrorJson {
    return { name: this.name, code: this.code, message: this.message, details: { ...this.details } };
  }
}

/** `message` with `code: ` in front, unless it already starts so (a revived error's message does). */
function withCode(code: string, message: string): string {
  return message.startsWith(`${code}: `) ? message : `${code}: ${message}`;
}

/**
 * What an error's message says after its code: for output that shows the code on its own, such as
 * the CLI's `Error [CODE]: …`. Other messages are returned as they are.
 */
export function messageWithoutCode(error: { readonly code?: unknown; readonly message: string }): string {
  const prefix = `${String(error.code)}: `;
  return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}

/**
 * Rebuilds an error from its `toJSON()` form (for example after it crossed a worker boundary): the
 * class of `classes` with the same code, without running its constructor (typed properties read
 * `details`); an unknown code becomes a plain {@link DisError} that keeps its name.
 */
export function reviveDisError(
  json: DisErrorJson,
  classes: readonly DisErrorClass[] = CLIENT_ERRORS,
): DisError {
  const cls = classes.find((c) => c.CODE === json.code);
  const details = { ...json.details };
  if (cls) return Reflect.construct(DisError, [json.code, json.message, details], cls as never) as DisError;
  const error = new DisError(json.code, json.message, details);
  error.name = json.name;
  return error;
}

// Masking secrets lives in ./masking; re-exported here, the module every part already imports.
export {
  maskError,
  maskSecrets,
  maskValue,
  MIN_SECRET_LENGTH,
  SECRET_MASK,
  SECRET_VARIABLES,
  secretsFromEnv,
} from './masking';

// ---------------------------------------------------------------------------------------------
// The client's errors

/** Where an error happened: the operation and the target. Never credentials. */
export interface DisErrorContext {
  /** The service operation, for example `ListTransferTasks`. */
  readonly operation?: string;
  /** The DIS stream the call was about. */
  readonly streamName?: string;
  /** The transfer task the call was about. */
  readonly taskName?: string;
  /** The project id used. */
  readonly projectId?: string;
  /** The region used. */
  readonly region?: string;
  /** How many attempts were made before giving up. */
  readonly attempts?: number;
  /** The `X-Request-Id` of the last response, for support tickets. */
  readonly requestId?: string;
  /** HTTP method and URL (URLs never hold credentials here). */
  readonly method?: string;
  /** The request URL without credentials. */
  readonly url?: string;
}

/** Which setting was wrong and which rule it broke. */
export interface DisConfigErrorDetails {
  /** The option or environment variable, for example `streamName` or `HW_REGION_NAME`. */
  readonly field: string;
  /** The rule, for example `1-64 characters of letters, digits, "_" and "-"`. */
  readonly rule: string;
}

/**
 * A setting or input is missing or malformed; detected before any request is sent.
 * Code `DIS_CONFIG_ERROR`.
 */
export class DisConfigError extends DisError {
  /** The stable code of this class. */
  public static readonly CODE = 'DIS_CONFIG_ERROR';
  /** Fixed in the configuration. */
  public static override readonly KIND = ErrorKind.CONFIGURATION;

  public constructor(message: string, details: DisConfigErrorDetails, options?: ErrorOptions) {
    super(DisConfigError.CODE, message, { ...details }, options);
  }

  /** The option or environment variable at fault. */
  public get field(): string {
    return this.details.field as string;
  }

  /** The rule it broke. */
  public get rule(): string {
    return this.details.rule as string;
  }
}

/** What is known about a refused authentication. */
export interface DisAuthErrorDetails extends DisErrorContext {
  /** The HTTP status code, when a service answered. */
  readonly httpStatus?: number;
  /** The service's error code, for example `APIGW.0301`, `DIS.4116` or `DIS.4309`. */
  readonly serviceCode?: string;
  /** The service's error message. */
  readonly serviceMessage?: string;
  /** Which credential source was used (`HW_ACCESS_KEY`, `options.credentials`, …); never its value. */
  readonly credentialSource?: string;
}

/**
 * The credentials were rejected or lack permission (HTTP 401/403/441, `APIGW.0301`, `DIS.41xx`,
 * `DIS.4309`), or IAM refused to issue a token. Code `DIS_AUTH_ERROR`. Never retried: an AK/SK is
 * locked for five minutes after five failed signatures.
 */
export class DisAuthError extends DisError {
  /** The stable code of this class. */
  public static readonly CODE = 'DIS_AUTH_ERROR';
  /** Fixed in the credentials or their permissions. */
  public static override readonly KIND = ErrorKind.CONFIGURATION;

  public constructor(message: string, details: DisAuthErrorDetails, options?: ErrorOptions) {
    super(DisAuthError.CODE, message, { ...details }, options);
  }

  /** The HTTP status code, when a service answered. */
  public get httpStatus(): number | undefined {
    return this.details.httpStatus as number | undefined;
  }

  /** The service's error code. */
  public get serviceCode(): string | undefined {
    return this.details.serviceCode as string | undefined;
  }

  /** The `X-Request-Id` of the failing response. */
  public get requestId(): string | undefined {
    return this.details.requestId as string | undefined;
  }
}

/** What the service answered when it refused a request. */
export interface DisApiErrorDetails extends DisErrorContext {
  /** The HTTP status code. */
  readonly httpStatus: number;
  /** The service's error code, for example `DIS.4301` or `APIGW.0308`. */
  readonly serviceCode?: string;
  /** The service's error message. */
  readonly serviceMessage?: string;
  /** Whether the failure is worth retrying later (throttling, server errors). */
  readonly retryable: boolean;
}

/**
 * The DIS API (or the gateway in front of it) refused the request: stream not found, throttled,
 * server error, … Code `DIS_API_ERROR`. Authentication and permission failures are
 * {@link DisAuthError} instead.
 */
export class DisApiError extends DisError {
  /** The stable code of this class. */
  public static readonly CODE = 'DIS_API_ERROR';
  /** A service failure, unless the service code says the request named something that does not exist. */
  public static override readonly KIND = ErrorKind.SERVICE;

  public constructor(message: string, details: DisApiErrorDetails, options?: ErrorOptions) {
    super(DisApiError.CODE, message, { ...details }, options);
  }

  /** {@link ErrorKind.CONFIGURATION} for a stream, task or project that does not exist; else a service failure. */
  public override get kind(): ErrorKind {
    return isCallerFix(this.serviceCode) ? ErrorKind.CONFIGURATION : ErrorKind.SERVICE;
  }

  /** The HTTP status code. */
  public get httpStatus(): number {
    return this.details.httpStatus as number;
  }

  /** The service's error code, when the body carried one. */
  public get serviceCode(): string | undefined {
    return this.details.serviceCode as string | undefined;
  }

  /** The service's error message, when the body carried one. */
  public get serviceMessage(): string | undefined {
    return this.details.serviceMessage as string | undefined;
  }

  /** The `X-Request-Id` of the failing response. */
  public get requestId(): string | undefined {
    return this.details.requestId as string | undefined;
  }

  /** Attempts made, retries included. */
  public get attempts(): number | undefined {
    return this.details.attempts as number | undefined;
  }

  /** Whether retrying later may succeed. */
  public get retryable(): boolean {
    return this.details.retryable as boolean;
  }
}

/** What is known about a failed exchange. */
export interface DisNetworkErrorDetails extends DisErrorContext {
  /**
   * The low-level cause: a socket error code (`ECONNREFUSED`, `UND_ERR_SOCKET`, …),
   * `ATTEMPT_TIMEOUT` or `DEADLINE_EXCEEDED`.
   */
  readonly causeCode: string;
}

/**
 * No usable answer arrived: connection refused or reset, DNS failure, per-attempt timeout or the
 * overall deadline. Code `DIS_NETWORK_ERROR`.
 */
export class DisNetworkError extends DisError {
  /** The stable code of this class. */
  public static readonly CODE = 'DIS_NETWORK_ERROR';
  /** The network or the service failed. */
  public static override readonly KIND = ErrorKind.SERVICE;

  public constructor(message: string, details: DisNetworkErrorDetails, options?: ErrorOptions) {
    super(DisNetworkError.CODE, message, { ...details }, options);
  }

  /** The low-level cause code. */
  public get causeCode(): string {
    return this.details.causeCode as string;
  }

  /** Attempts made, retries included. */
  public get attempts(): number | undefined {
    return this.details.attempts as number | undefined;
  }
}

/** Why a response could not be used. */
export interface DisResponseErrorDetails extends DisErrorContext {
  /** The HTTP status code. */
  readonly httpStatus: number;
  /**
   * `BODY_TOO_LARGE`, `NOT_JSON`, `SCHEMA_MISMATCH` (not the documented shape), `INVALID_VALUE` (a
   * name, state or destination type that breaks the service's rules) or `PAGING_STALLED`.
   */
  readonly reason: 'BODY_TOO_LARGE' | 'NOT_JSON' | 'SCHEMA_MISMATCH' | 'INVALID_VALUE' | 'PAGING_STALLED';
  /** For `SCHEMA_MISMATCH` and `INVALID_VALUE`: the issues, each `path: message`, values escaped. */
  readonly issues?: string[];
}

/**
 * A 2xx response the client cannot use: over 1 MiB, not JSON, not the documented shape (the zod
 * issue path is named), or holding a value that breaks the service's rules (named, escaped).
 * Code `DIS_RESPONSE_INVALID`.
 */
export class DisResponseError extends DisError {
  /** The stable code of this class. */
  public static readonly CODE = 'DIS_RESPONSE_INVALID';
  /** The service sent something unusable. */
  public static override readonly KIND = ErrorKind.SERVICE;

  public constructor(message: string, details: DisResponseErrorDetails, options?: ErrorOptions) {
    super(DisResponseError.CODE, message, { ...details }, options);
  }

  /** Why the response was refused. */
  public get reason(): DisResponseErrorDetails['reason'] {
    return this.details.reason as DisResponseErrorDetails['reason'];
  }

  /** The HTTP status code. */
  public get httpStatus(): number {
    return this.details.httpStatus as number;
  }

  /** The `X-Request-Id` of the response. */
  public get requestId(): string | undefined {
    return this.details.requestId as string | undefined;
  }
}

/** The client's coded errors: the ones any call of `DisClient` can throw. */
export const CLIENT_ERRORS: readonly DisErrorClass[] = [
  DisConfigError,
  DisAuthError,
  DisApiError,
  DisNetworkError,
  DisResponseError,
];
