import type { ServerResponse } from 'node:http';
import { DIS_ERROR_CODES, DisErrorCode, GATEWAY_ERROR_CODES, GatewayErrorCode } from './dis-error-codes';

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
