// Signs requests with the official Huawei Cloud Node SDK core (AKSKSigner), a dev dependency used
// only as an oracle: the emulator's verifier must accept what the official SDK sends, so that a
// mistake shared by our client's signer and our verifier cannot go unnoticed.
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner';

/** A request signed by the official SDK: the headers to send (Authorization included) and the body. */
export interface OfficiallySigned {
  readonly headers: Record<string, string>;
  readonly body?: string;
}

/**
 * Signs like the SDK's BasicCredentials do for a JSON operation: `content-type: application/json`,
 * `X-Project-Id` when given, `X-Security-Token` for temporary keys, then AKSKSigner adds
 * `X-Sdk-Date` (the real clock) and `host`.
 */
export function officialSign(options: {
  readonly url: string;
  readonly method: string;
  readonly ak: string;
  readonly sk: string;
  readonly query?: Record<string, string>;
  readonly data?: unknown;
  readonly projectId?: string;
  readonly securityToken?: string;
  /** A fixed `X-Sdk-Date` (`YYYYMMDDTHHmmssZ`); the SDK keeps it instead of stamping the real time. */
  readonly sdkDate?: string;
}): OfficiallySigned {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.projectId) headers['X-Project-Id'] = options.projectId;
  if (options.securityToken) headers['X-Security-Token'] = options.securityToken;
  if (options.sdkDate) headers['X-Sdk-Date'] = options.sdkDate;
  const credential = { getAk: () => options.ak, getSk: () => options.sk };
  const signed = AKSKSigner.sign(
    {
      endpoint: options.url,
      method: options.method,
      headers,
      queryParams: options.query ?? {},
      data: options.data,
    },
    credential as never,
  ) as Record<string, string>;
  return { headers: signed, body: options.data === undefined ? undefined : JSON.stringify(options.data) };
}
