import type { IncomingHttpHeaders } from 'node:http';
import type { EmulatorResponse } from '../responses';
import { gatewayError } from '../responses';
import type { CredentialKind } from '../request-log-entry';
import type { EmulatorState } from '../state';
import type { KeyLockout } from './key-lockout';
import { verifySignature, type SignedRequest } from './verify-signature';

/** Who a request is: the credential kind and the projects it may use (`undefined` = all). */
export type Principal =
  | { readonly ok: true; readonly kind: CredentialKind; readonly projects?: readonly string[] }
  | { readonly ok: false; readonly kind: CredentialKind; readonly response: EmulatorResponse };

/**
 * Authenticates a request as the API gateway in front of DIS and IAM does: `X-Auth-Token` first,
 * else an SDK-HMAC-SHA256 `Authorization`. Failures are `401 APIGW.0301` whose message says
 * what was wrong and never echoes a credential.
 */
export function authenticate(
  req: SignedRequest,
  state: EmulatorState,
  lockout: KeyLockout,
  now: number,
): Principal {
  const token = single(req.headers, 'x-auth-token');
  if (token !== undefined) {
    const grant = state.token(token);
    if (!grant) return deny('token', 'the token is invalid');
    if (grant.expiresAt !== undefined && grant.expiresAt <= now) return deny('token', 'the token expires');
    return { ok: true, kind: 'token', projects: grant.projects };
  }
  if (single(req.headers, 'authorization') === undefined) {
    return deny('none', 'neither X-Auth-Token nor an Authorization header was sent');
  }
  const keys = state.credentials.accessKeys;
  const verdict = verifySignature(req, (ak) => keys.find((k) => k.accessKey === ak), lockout, now);
  if (!verdict.ok) return deny('aksk', verdict.reason);
  return { ok: true, kind: 'aksk', projects: keys.find((k) => k.accessKey === verdict.accessKey)?.projects };
}

function deny(kind: CredentialKind, reason: string): Principal {
  return { ok: false, kind, response: gatewayError('APIGW.0301', reason) };
}

function single(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}
