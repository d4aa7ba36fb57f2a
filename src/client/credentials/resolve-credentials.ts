import { DisConfigError } from '../errors';
import type { DisCredentials } from './dis-credentials';
import type { ResolvedCredentials } from './resolved-credentials';

/** The environment variables read, in the order they are tried (for messages and docs). */
export const CREDENTIAL_VARIABLES = [
  'HW_AUTH_TOKEN',
  'HW_ACCESS_KEY + HW_SECRET_KEY (+ HW_SECURITY_TOKEN)',
  'HUAWEICLOUD_SDK_AK + HUAWEICLOUD_SDK_SK (+ HUAWEICLOUD_SDK_SECURITY_TOKEN)',
  'HW_USER_NAME + HW_PASSWORD + HW_DOMAIN_NAME',
] as const;

type Env = Readonly<Record<string, string | undefined>>;

function incomplete(given: string, missing: string): never {
  const rule = `${given} needs ${missing}`;
  throw new DisConfigError(`${given} is set but ${missing} is not: set both, or unset ${given}`, {
    field: missing,
    rule,
  });
}

function fromExplicit(c: DisCredentials): ResolvedCredentials | undefined {
  const source = 'options.credentials';
  if (c.authToken) return { kind: 'token', token: c.authToken, source };
  if (c.accessKey || c.secretKey) {
    if (!c.accessKey) incomplete('credentials.secretKey', 'credentials.accessKey');
    if (!c.secretKey) incomplete('credentials.accessKey', 'credentials.secretKey');
    return {
      kind: 'aksk',
      accessKey: c.accessKey!,
      secretKey: c.secretKey!,
      securityToken: c.securityToken || undefined,
      source,
    };
  }
  if (c.userName || c.password || c.domainName) {
    if (!c.userName) incomplete('credentials.password', 'credentials.userName');
    if (!c.password) incomplete('credentials.userName', 'credentials.password');
    if (!c.domainName) incomplete('credentials.userName', 'credentials.domainName');
    return {
      kind: 'password',
      userName: c.userName!,
      password: c.password!,
      domainName: c.domainName!,
      source,
    };
  }
  return undefined;
}

function keyPair(env: Env, ak: string, sk: string, st: string): ResolvedCredentials | undefined {
  const accessKey = env[ak];
  const secretKey = env[sk];
  if (!accessKey && !secretKey) return undefined;
  if (!accessKey) incomplete(sk, ak);
  if (!secretKey) incomplete(ak, sk);
  return {
    kind: 'aksk',
    accessKey: accessKey!,
    secretKey: secretKey!,
    securityToken: env[st] || undefined,
    source: ak,
  };
}

/**
 * Picks credentials, first match wins:
 * 1. `options.credentials` (token, key pair or password, in that order);
 * 2. `HW_AUTH_TOKEN`;
 * 3. `HW_ACCESS_KEY` + `HW_SECRET_KEY` (+ `HW_SECURITY_TOKEN`);
 * 4. `HUAWEICLOUD_SDK_AK` + `HUAWEICLOUD_SDK_SK` (+ `HUAWEICLOUD_SDK_SECURITY_TOKEN`);
 * 5. `HW_USER_NAME` + `HW_PASSWORD` (or the provider's `HW_USER_PASSWORD`) + `HW_DOMAIN_NAME`.
 * Half a pair is an error rather than a silent fall-through to the next source.
 */
export function resolveCredentials(explicit: DisCredentials | undefined, env: Env): ResolvedCredentials {
  const fromOptions = explicit ? fromExplicit(explicit) : undefined;
  if (fromOptions) return fromOptions;
  if (env.HW_AUTH_TOKEN) return { kind: 'token', token: env.HW_AUTH_TOKEN, source: 'HW_AUTH_TOKEN' };
  const hw = keyPair(env, 'HW_ACCESS_KEY', 'HW_SECRET_KEY', 'HW_SECURITY_TOKEN');
  if (hw) return hw;
  const sdk = keyPair(env, 'HUAWEICLOUD_SDK_AK', 'HUAWEICLOUD_SDK_SK', 'HUAWEICLOUD_SDK_SECURITY_TOKEN');
  if (sdk) return sdk;
  const userName = env.HW_USER_NAME;
  const password = env.HW_PASSWORD || env.HW_USER_PASSWORD;
  const domainName = env.HW_DOMAIN_NAME;
  if (userName || password) {
    if (!userName) incomplete('HW_PASSWORD', 'HW_USER_NAME');
    if (!password) incomplete('HW_USER_NAME', 'HW_PASSWORD');
    if (!domainName) incomplete('HW_USER_NAME', 'HW_DOMAIN_NAME');
    return {
      kind: 'password',
      userName: userName!,
      password: password!,
      domainName: domainName!,
      source: 'HW_USER_NAME',
    };
  }
  const rule = `one of: options.credentials, ${CREDENTIAL_VARIABLES.join('; ')}`;
  throw new DisConfigError(`no Huawei Cloud credentials found: set ${CREDENTIAL_VARIABLES.join(', or ')}`, {
    field: 'credentials',
    rule,
  });
}
