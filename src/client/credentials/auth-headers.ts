import { signRequest } from '../signing';
import type { AkSkCredentials } from './resolved-credentials';

/** What one attempt is authenticated with: a key pair to sign with, or a token. */
export type RequestAuth = AkSkCredentials | { readonly kind: 'token'; readonly token: string };

/** One attempt to authenticate. */
export interface AuthHeadersInput {
  readonly auth: RequestAuth;
  readonly method: string;
  readonly url: URL;
  readonly body?: string;
  /** Sent as `X-Project-Id` with a key pair (the official SDKs do so for project-scoped services). */
  readonly projectId?: string;
  readonly contentType: string;
  readonly userAgent: string;
  readonly date: Date;
}

/**
 * The headers of one attempt: `X-Auth-Token` for a token; for a key pair, the signed headers
 * (`content-type`, `host`, `x-sdk-date`, `x-project-id`, `x-security-token`) and `Authorization`.
 * `User-Agent` is added unsigned, as the official Node SDK does.
 */
export function authHeaders(input: AuthHeadersInput): Record<string, string> {
  if (input.auth.kind === 'token') {
    return {
      'content-type': input.contentType,
      'x-auth-token': input.auth.token,
      'user-agent': input.userAgent,
    };
  }
  const signed = signRequest({
    method: input.method,
    url: input.url,
    headers: { 'content-type': input.contentType },
    body: input.body,
    credentials: input.auth,
    projectId: input.projectId,
    date: input.date,
  });
  return { ...signed, 'user-agent': input.userAgent };
}
