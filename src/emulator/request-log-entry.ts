import type { RouteId } from './routes';

/** How a request authenticated (or tried to). Never the credential itself. */
export type CredentialKind = 'token' | 'aksk' | 'password' | 'none';

/** One request the emulator answered. Holds no secret: no header values, no body, no query. */
export interface RequestLogEntry {
  /** 1-based position among all requests since start or reset. */
  readonly seq: number;
  /** HTTP method. */
  readonly method: string;
  /** The path as received, without the query string. */
  readonly path: string;
  /** The matched operation, or `unknown`. */
  readonly route: RouteId | 'unknown';
  /** The status sent; 0 when the connection was reset or left open. */
  readonly status: number;
  /** The credential kind the request presented. */
  readonly credentialKind: CredentialKind;
  /** The `X-Request-Id` the response carried. */
  readonly requestId: string;
  /** The injected fault that shaped the response, if any. */
  readonly fault?: string;
  /** When the request arrived, epoch milliseconds (emulator clock). */
  readonly receivedAt: number;
  /** Wall time from arrival to the end of the response, milliseconds. */
  readonly durationMs: number;
}
