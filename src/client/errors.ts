// The error family of the client, and the base every part of the package builds its own family on.
//
// Conventions, for every part's `errors.ts`:
// - a coded class declares `static readonly CODE` (the only place its code is written) and
//   `static readonly KIND` (who can fix it, see ErrorKind);
// - its typed properties are getters over `details`, so that an error rebuilt from its JSON form
//   (after it crossed the lookup worker) is complete without running the class's constructor;
// - each part exports the list of its classes (`CLIENT_ERRORS`, …); `src/errors.ts` joins them into
//   the one registry the CLI and the README test read.

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
 * Messages say what was wrong and how to fix it; they never contain a secret.
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
    super(message, options);
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

/**
 * Replaces every occurrence of each secret in `text` with `***`, and any `Signature=<hex>` too.
 * Used on text the service sends back (error messages), in case a proxy or service echoes a
 * token, a key or the `Authorization` header.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text.replace(/Signature=[0-9a-fA-F]+/g, 'Signature=***');
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('***');
  return out;
}

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
    return CALLER_FIXES.has(this.serviceCode ?? '') ? ErrorKind.CONFIGURATION : ErrorKind.SERVICE;
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
  /** `BODY_TOO_LARGE`, `NOT_JSON`, `SCHEMA_MISMATCH` or `PAGING_STALLED`. */
  readonly reason: 'BODY_TOO_LARGE' | 'NOT_JSON' | 'SCHEMA_MISMATCH' | 'PAGING_STALLED';
  /** For `SCHEMA_MISMATCH`: the issues, each `path: message`. */
  readonly issues?: string[];
}

/**
 * A 2xx response the client cannot use: over 1 MiB, not JSON, or not the documented shape (the
 * zod issue path is named). Code `DIS_RESPONSE_INVALID`.
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

// ---------------------------------------------------------------------------------------------
// Service failures: how each is treated and worded. Source of the codes: the DIS API error table
// (https://support.huaweicloud.com/intl/en-us/api-dis/ErrorCode.html) and the API gateway's codes.

/** Service codes that mean "slow down" (DIS traffic control, too many requests, gateway throttling). */
const THROTTLING_CODES = new Set(['DIS.4303', 'DIS.4305', 'APIGW.0308', 'APIG.0308']);
/** Service codes that mean "try again" without being throttling. */
const TRANSIENT_CODES = new Set(['DIS.5000']);
/** HTTP statuses worth another attempt. */
const RETRYABLE_STATUSES = new Set([500, 502, 503, 504]);
/** HTTP statuses that mean the credentials or their permissions were refused. */
const AUTH_STATUSES = new Set([401, 403, 441]);
/** Service codes that name something the caller asked for that does not exist: fixed by the caller. */
const CALLER_FIXES = new Set(['DIS.4117', 'DIS.4116', 'DIS.4301', 'DIS.4354']);

/**
 * Codes that must never be retried: `DIS.4309` (the caller's IP is blacklisted after repeated
 * failures; more calls prolong it), gateway authentication failures and DIS's own signature and
 * permission errors (an AK/SK is locked after five failed signatures).
 */
function isAuthCode(code: string): boolean {
  return code === 'DIS.4309' || /^DIS\.41\d\d$/.test(code) || /^APIG(W)?\.030[0-7]$/.test(code);
}

/** How the client treats a non-2xx answer. */
export interface ServiceFailureClass {
  /** Credentials or permission problem: becomes a `DisAuthError`, never retried. */
  readonly auth: boolean;
  /** Worth another attempt (GET only). */
  readonly retryable: boolean;
  /** The service asked to slow down: the next delay is at least the throttling minimum. */
  readonly throttled: boolean;
}

/**
 * Classifies a failed response by HTTP status and service code (read from the body).
 * Retried: 429, 500, 502, 503, 504, `DIS.4303`, `DIS.4305`, `DIS.5000`, `APIGW.0308`.
 * Never: 401, 403, 441, signature and permission codes, `DIS.4309`, any other 4xx.
 */
export function classifyServiceFailure(
  httpStatus: number,
  serviceCode: string | undefined,
): ServiceFailureClass {
  const code = serviceCode ?? '';
  if (AUTH_STATUSES.has(httpStatus) || isAuthCode(code)) {
    return { auth: true, retryable: false, throttled: false };
  }
  if (httpStatus === 429 || THROTTLING_CODES.has(code)) {
    return { auth: false, retryable: true, throttled: true };
  }
  if (TRANSIENT_CODES.has(code) || RETRYABLE_STATUSES.has(httpStatus)) {
    return { auth: false, retryable: true, throttled: false };
  }
  return { auth: false, retryable: false, throttled: false };
}

/** A failed answer, as needed to word the error. */
export interface ServiceFailureFacts extends DisErrorContext {
  /** The HTTP status. */
  readonly httpStatus: number;
  /** The service code, when the body had one. */
  readonly serviceCode?: string;
  /** The service message, when the body had one. */
  readonly serviceMessage?: string;
  /** Where the credentials came from (`HW_ACCESS_KEY`, …), to name in the fix of an auth failure. */
  readonly credentialSource?: string;
}

function target(f: ServiceFailureFacts): string {
  const where = [f.projectId && `project ${f.projectId}`, f.region && `region ${f.region}`]
    .filter(Boolean)
    .join(', ');
  return where ? ` in ${where}` : '';
}

function what(f: ServiceFailureFacts): { summary: string; fix: string } {
  const code = f.serviceCode ?? '';
  const stream = f.streamName ? `stream '${f.streamName}'` : 'the stream';
  if (code === 'DIS.4301') {
    return { summary: `${stream} not found${target(f)}`, fix: 'check the stream name and the region' };
  }
  if (code === 'DIS.4354') {
    return {
      summary: `transfer task '${f.taskName ?? ''}' not found on ${stream}${target(f)}`,
      fix: 'check the task name (listTransferTasks shows the existing ones)',
    };
  }
  if (code === 'DIS.4117') {
    return {
      summary: `project id not valid${target(f)}`,
      fix: 'set HW_PROJECT_ID (or projectId) to a project of this region',
    };
  }
  if (code === 'DIS.4309') {
    return {
      summary: 'this IP address is blocked after too many failed requests',
      fix: 'stop retrying, fix the credentials, and wait before calling again',
    };
  }
  if (code === 'DIS.4116' || f.httpStatus === 403) {
    return {
      summary: `permission denied${target(f)}`,
      fix: 'grant the IAM user DIS read access (for example DIS ReadOnlyAccess) in this project and check the account is not in arrears',
    };
  }
  if (classifyServiceFailure(f.httpStatus, f.serviceCode).auth) {
    const source = f.credentialSource ? ` taken from ${f.credentialSource}` : '';
    return {
      summary: 'the credentials were rejected',
      fix:
        `check the credentials${source} (an expired token needs refreshing) and the system clock ` +
        '(signatures are only valid for 15 minutes); an AK/SK is locked for 5 minutes after 5 failed signatures',
    };
  }
  if (f.httpStatus === 429 || THROTTLING_CODES.has(code)) {
    return { summary: 'the request was throttled', fix: 'call less often, or retry later' };
  }
  if (f.httpStatus >= 500 || TRANSIENT_CODES.has(code)) {
    return {
      summary: `the service failed (HTTP ${f.httpStatus})`,
      fix: 'retry later; if it persists, contact Huawei Cloud support with the request id',
    };
  }
  return {
    summary: `the request was refused (HTTP ${f.httpStatus})`,
    fix: 'check the stream name, the project and the region',
  };
}

/**
 * One line saying what failed, the service's own words, and the fix, for example
 * `stream 'orders' not found in project 0123…, region cn-north-4 (DIS.4301: The stream does not
 * exist.): check the stream name and the region [request id r-1, 1 attempt]`.
 */
export function describeServiceFailure(f: ServiceFailureFacts): string {
  const { summary, fix } = what(f);
  const service = [f.serviceCode, f.serviceMessage].filter(Boolean).join(': ');
  const trailer = [
    f.operation,
    f.requestId && `request id ${f.requestId}`,
    f.attempts !== undefined && `${f.attempts} attempt${f.attempts === 1 ? '' : 's'}`,
  ]
    .filter(Boolean)
    .join(', ');
  return `${summary}${service ? ` (${service})` : ` (HTTP ${f.httpStatus})`}: ${fix}${trailer ? ` [${trailer}]` : ''}`;
}
