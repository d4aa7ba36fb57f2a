// The answers of the emulated service: the error codes DIS and its API gateway use (data of the
// service, kept here and nowhere else), the body shape of each error family, and writing a
// response with its request id.
import type { ServerResponse } from 'node:http';

/**
 * The DIS error codes the emulator answers with, and the HTTP status the service uses for each.
 * Source: the DIS API error-code table (https://support.huaweicloud.com/intl/en-us/api-dis/ErrorCode.html),
 * summarised in research/dis-api.md §2.2. Most business errors are 400, not 404.
 */
const DIS_ERROR_CODES = {
  'DIS.4116': { status: 403, message: 'Invalid RBAC. %s' },
  'DIS.4117': { status: 400, message: 'Invalid Project Id. %s' },
  'DIS.4200': { status: 400, message: 'Invalid request. %s' },
  // The table says "The stream does not exist. %s"; the service writes "Stream does not exist.
  // [name][project]" (the legacy DIS SDK quotes a live answer in DISStreamNotExistsException).
  'DIS.4301': { status: 400, message: 'Stream does not exist. %s' },
  'DIS.4303': { status: 400, message: 'Exceeded traffic control limit.' },
  'DIS.4354': { status: 400, message: 'The transfer task does not exist.' },
  'DIS.5000': { status: 500, message: 'System error.' },
} as const;

/** One of the codes in {@link DIS_ERROR_CODES}. */
export type DisErrorCode = keyof typeof DIS_ERROR_CODES;

/**
 * API gateway (APIG) error codes, with the status the gateway uses.
 * Source: https://support.huaweicloud.com/intl/en-us/devg-apisign/api-sign-errorcode.html (research/dis-api.md §2.2).
 */
const GATEWAY_ERROR_CODES = {
  'APIGW.0101': {
    status: 404,
    message: 'The API does not exist or has not been published in the environment',
  },
  'APIGW.0301': { status: 401, message: 'Incorrect IAM authentication information: %s' },
  'APIGW.0308': {
    status: 429,
    message: 'The throttling threshold has been reached: policy user over ratelimit, limit:%s,time:1 second',
  },
  'APIGW.0201': { status: 500, message: 'Backend unavailable' },
  'APIGW.0202': { status: 502, message: 'Backend error' },
  'APIGW.0203': { status: 503, message: 'Backend service unavailable' },
  'APIGW.0204': { status: 504, message: 'Backend timeout' },
} as const;

/** One of the codes in {@link GATEWAY_ERROR_CODES}. */
export type GatewayErrorCode = keyof typeof GATEWAY_ERROR_CODES;

/** The gateway's code for each backend failure status, as the `serverError` fault sends them. */
const BACKEND_FAILURES = {
  500: 'APIGW.0201',
  502: 'APIGW.0202',
  503: 'APIGW.0203',
  504: 'APIGW.0204',
} as const satisfies Record<number, GatewayErrorCode>;

/** A status the gateway reports a failing backend with. */
export type BackendFailureStatus = keyof typeof BACKEND_FAILURES;

/** A response a handler wants sent: status, JSON body, extra headers. */
export interface EmulatorResponse {
  /** HTTP status. */
  readonly status: number;
  /** The JSON body, or `undefined` for none. */
  readonly body?: unknown;
  /** Extra headers (the request id and content type are added for every response). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Fills `%s` in a message template. */
function fill(template: string, detail: string): string {
  return template.replace('%s', detail).trim();
}

/** A DIS business error: `{"errorCode","message"}` with the status the service uses. */
export function disError(code: DisErrorCode, detail = ''): EmulatorResponse {
  const { status, message } = DIS_ERROR_CODES[code];
  return { status, body: { errorCode: code, message: fill(message, detail) } };
}

/** An API gateway error: `{"error_code","error_msg","request_id"}`; the request id is filled in when sent. */
export function gatewayError(
  code: GatewayErrorCode,
  detail = '',
  headers?: Record<string, string>,
): EmulatorResponse {
  const { status, message } = GATEWAY_ERROR_CODES[code];
  return { status, body: { error_code: code, error_msg: fill(message, detail), request_id: '' }, headers };
}

/** The gateway's answer when the service behind it fails with `status`. */
export function backendError(status: BackendFailureStatus): EmulatorResponse {
  return gatewayError(BACKEND_FAILURES[status]);
}

/** A Keystone-style IAM error: `{"error":{"code","message","title"}}`. */
export function iamError(status: number, title: string, message: string): EmulatorResponse {
  return { status, body: { error: { code: status, message, title } } };
}

/** Writes a response with `X-Request-Id`, filling `request_id` of gateway error bodies. */
export function send(res: ServerResponse, requestId: string, response: EmulatorResponse): void {
  let body = response.body;
  if (body && typeof body === 'object' && 'request_id' in body) body = { ...body, request_id: requestId };
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(response.status, {
    'Content-Type': 'application/json;charset=UTF-8',
    'Content-Length': Buffer.byteLength(text),
    'X-Request-Id': requestId,
    ...response.headers,
  });
  res.end(text);
}
