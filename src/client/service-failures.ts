// Service failures: how the client treats each non-2xx answer (auth, retry, throttling, who can
// fix it) and how it words it. Source of the codes: the DIS API error table
// (https://support.huaweicloud.com/intl/en-us/api-dis/ErrorCode.html) and the API gateway's codes.
import type { DisErrorContext } from './errors';

/** Service codes that mean "slow down" (DIS traffic control, too many requests, gateway throttling). */
const THROTTLING_CODES = new Set(['DIS.4303', 'DIS.4305', 'APIGW.0308', 'APIG.0308']);
/** Service codes that mean "try again" without being throttling. */
const TRANSIENT_CODES = new Set(['DIS.5000']);
/** HTTP statuses worth another attempt. */
const RETRYABLE_STATUSES = new Set([500, 502, 503, 504]);
/** HTTP statuses that mean the credentials or their permissions were refused. */
const AUTH_STATUSES = new Set([401, 403, 441]);
/** The service code of a stream the project does not hold (a lookup with `mustExist: false` expects it). */
export const STREAM_NOT_FOUND = 'DIS.4301';
/** Service codes that name something the caller asked for that does not exist: fixed by the caller. */
const CALLER_FIXES = new Set(['DIS.4117', 'DIS.4116', STREAM_NOT_FOUND, 'DIS.4354']);

/** True when the service code names something the caller asked for that does not exist (or may not use). */
export function isCallerFix(serviceCode: string | undefined): boolean {
  return CALLER_FIXES.has(serviceCode ?? '');
}

/**
 * Codes that mean the credentials or their permissions were refused, never retried: `DIS.4309`
 * (the caller's IP is blacklisted after repeated failures; more calls prolong it), the gateway's
 * authentication failures `APIG(W).0300`-`0307`, and DIS's own signature and permission errors
 * `DIS.41xx` (an AK/SK is locked after five failed signatures) except `DIS.4117`, an invalid
 * project id: a configuration error, not a credential one.
 */
function isAuthCode(code: string): boolean {
  if (code === 'DIS.4117') return false;
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

/** True for a throttling answer: HTTP 429 or a throttling code, whatever the status. */
function isThrottling(httpStatus: number, code: string): boolean {
  return THROTTLING_CODES.has(code) || (httpStatus === 429 && !isAuthCode(code));
}

/**
 * Classifies a failed response by service code (read from the body), then HTTP status: a code
 * says more than a status, so `APIGW.0308` is throttling even with a 401 or 403 and `DIS.4309` is
 * a refusal even with a 5xx.
 * Retried: 429, 500, 502, 503, 504, `DIS.4303`, `DIS.4305`, `DIS.5000`, `APIGW.0308`.
 * Never: 401, 403, 441, signature and permission codes, `DIS.4309`, any other 4xx.
 */
export function classifyServiceFailure(
  httpStatus: number,
  serviceCode: string | undefined,
): ServiceFailureClass {
  const code = serviceCode ?? '';
  if (isAuthCode(code)) return { auth: true, retryable: false, throttled: false };
  if (isThrottling(httpStatus, code)) return { auth: false, retryable: true, throttled: true };
  if (AUTH_STATUSES.has(httpStatus) && !CALLER_FIXES.has(code)) {
    return { auth: true, retryable: false, throttled: false };
  }
  if (TRANSIENT_CODES.has(code) || RETRYABLE_STATUSES.has(httpStatus)) {
    return { auth: false, retryable: true, throttled: false };
  }
  return { auth: false, retryable: false, throttled: false };
}

/** The kind of credential a request carried: a key pair, a ready token, or a token IAM issued for a password. */
export type CredentialKind = 'aksk' | 'token' | 'password';

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
  /** What the credentials were: the fix of an auth failure depends on it. */
  readonly credentialKind?: CredentialKind;
}

function target(f: ServiceFailureFacts): string {
  const where = [f.projectId && `project ${f.projectId}`, f.region && `region ${f.region}`]
    .filter(Boolean)
    .join(', ');
  return where ? ` in ${where}` : '';
}

/** The fix of refused credentials, by kind: only a signature cares about the clock and locks keys. */
function credentialFix(f: ServiceFailureFacts): string {
  const source = f.credentialSource ? ` taken from ${f.credentialSource}` : '';
  switch (f.credentialKind) {
    case 'password':
      return (
        `check the user name, password and account (domain) name${source}, and the region` +
        `${f.region ? ` '${f.region}'` : ''}: the token is scoped to the project named after it`
      );
    case 'token':
      return `check the token${source}: it may have expired (tokens last 24 hours) or belong to another project or region`;
    case 'aksk':
      return (
        `check the access key pair${source} and the system clock (signatures are only valid for 15 minutes); ` +
        'stop retrying meanwhile: a key pair is locked for 5 minutes after 5 failed signatures'
      );
    default:
      return `check the credentials${source}`;
  }
}

function what(f: ServiceFailureFacts): { summary: string; fix: string } {
  const code = f.serviceCode ?? '';
  const stream = f.streamName ? `stream '${f.streamName}'` : 'the stream';
  const cls = classifyServiceFailure(f.httpStatus, f.serviceCode);
  if (code === STREAM_NOT_FOUND) {
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
      summary: `the project id is not valid${target(f)}`,
      fix:
        'check the region and the project id (projectId or HW_PROJECT_ID): a project id belongs to ' +
        'one region; unset it to let IAM find the project named after the region',
    };
  }
  if (code === 'DIS.4309') {
    return {
      summary: 'this IP address is blocked after too many failed requests',
      fix: 'stop retrying, fix the credentials, and wait before calling again',
    };
  }
  if (cls.throttled) {
    return { summary: 'the request was throttled', fix: 'call less often, or retry later' };
  }
  if (code === 'DIS.4116' || (cls.auth && f.httpStatus === 403)) {
    return {
      summary: `permission denied${target(f)}`,
      fix: 'grant the IAM user DIS read access (for example DIS ReadOnlyAccess) in this project and check the account is not in arrears',
    };
  }
  if (cls.auth) return { summary: 'the credentials were rejected', fix: credentialFix(f) };
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
