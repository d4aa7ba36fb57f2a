// Who the client authenticates as: the credentials a caller may give, the chain that picks one
// source (options, then the huaweicloud provider's variables, then the official SDKs'), the
// resolved form, and the headers that authenticate one attempt (a token, or a signature).
import { DisConfigError } from './errors';
import { signRequest } from './signing';

/**
 * Explicit credentials. Give one complete set: an IAM token, an access key pair (optionally
 * temporary), or a user name, password and account (domain) name.
 */
export interface DisCredentials {
  /** Access key id (AK). */
  readonly accessKey?: string;
  /** Secret access key (SK). */
  readonly secretKey?: string;
  /** Security token of a temporary access key pair. */
  readonly securityToken?: string;
  /** An IAM token, sent as `X-Auth-Token`. */
  readonly authToken?: string;
  /** IAM user name, for a password exchanged at IAM for a token. */
  readonly userName?: string;
  /** IAM user password. Kept in memory only. */
  readonly password?: string;
  /** The account (domain) name the IAM user belongs to. */
  readonly domainName?: string;
}

/** The environment variables read, in the order they are tried (for messages and docs). */
export const CREDENTIAL_VARIABLES = [
  'HW_AUTH_TOKEN',
  'HW_ACCESS_KEY + HW_SECRET_KEY (+ HW_SECURITY_TOKEN)',
  'HUAWEICLOUD_SDK_AK + HUAWEICLOUD_SDK_SK (+ HUAWEICLOUD_SDK_SECURITY_TOKEN)',
  'HW_USER_NAME + HW_PASSWORD + HW_DOMAIN_NAME',
] as const;

// ---------------------------------------------------------------------------------------------
// The resolved form

/** An access key pair, used to sign every request. */
export interface AkSkCredentials {
  readonly kind: 'aksk';
  readonly accessKey: string;
  readonly secretKey: string;
  readonly securityToken?: string;
  /** Where they came from (`options.credentials`, `HW_ACCESS_KEY`, …); safe to show. */
  readonly source: string;
}

/** A ready IAM token. */
export interface TokenCredentials {
  readonly kind: 'token';
  readonly token: string;
  readonly source: string;
}

/** A user name and password, exchanged at IAM for a token. */
export interface PasswordCredentials {
  readonly kind: 'password';
  readonly userName: string;
  readonly password: string;
  readonly domainName: string;
  readonly source: string;
}

/** Credentials after the chain has picked one source. */
export type ResolvedCredentials = AkSkCredentials | TokenCredentials | PasswordCredentials;

/** The secret values of a credential set, for scrubbing text that might echo them. */
export function secretValues(c: ResolvedCredentials): string[] {
  switch (c.kind) {
    case 'aksk':
      return [c.accessKey, c.secretKey, c.securityToken ?? ''].filter(Boolean);
    case 'token':
      return [c.token];
    case 'password':
      return [c.userName, c.password];
  }
}

// ---------------------------------------------------------------------------------------------
// The chain

/** Values under the names a message shows for them: `credentials.accessKey`, `HW_ACCESS_KEY`, … */
type Named = Readonly<Record<string, string | undefined>>;

function incomplete(given: string, missing: string): never {
  const rule = `${given} needs ${missing}`;
  throw new DisConfigError(`${given} is set but ${missing} is not: set both, or unset ${given}`, {
    field: missing,
    rule,
  });
}

/** The key pair named `[ak, sk, st]` in `values`, when either half is set; half a pair is an error. */
function keyPair(
  values: Named,
  [ak, sk, st]: readonly string[],
  source: string,
): AkSkCredentials | undefined {
  const accessKey = values[ak];
  const secretKey = values[sk];
  if (!accessKey && !secretKey) return undefined;
  if (!accessKey) incomplete(sk, ak);
  if (!secretKey) incomplete(ak, sk);
  return {
    kind: 'aksk',
    accessKey: accessKey!,
    secretKey: secretKey!,
    securityToken: values[st] || undefined,
    source,
  };
}

/**
 * The user name, password and domain named `[user, password, domain]` in `values`, when one of
 * `given` is set; an incomplete set is an error.
 */
function passwordSet(
  values: Named,
  [user, password, domain]: readonly string[],
  given: readonly string[],
  source: string,
): PasswordCredentials | undefined {
  if (!given.some((name) => values[name])) return undefined;
  if (!values[user]) incomplete(password, user);
  if (!values[password]) incomplete(user, password);
  if (!values[domain]) incomplete(user, domain);
  return {
    kind: 'password',
    userName: values[user]!,
    password: values[password]!,
    domainName: values[domain]!,
    source,
  };
}

function fromExplicit(c: DisCredentials): ResolvedCredentials | undefined {
  const source = 'options.credentials';
  if (c.authToken) return { kind: 'token', token: c.authToken, source };
  // the rules of the environment's sets, each value named after the option that holds it
  const values: Named = Object.fromEntries(Object.entries(c).map(([k, v]) => [`credentials.${k}`, v]));
  const [ak, sk, st, user, password, domain] = [
    'accessKey',
    'secretKey',
    'securityToken',
    'userName',
    'password',
    'domainName',
  ].map((k) => `credentials.${k}`);
  return (
    keyPair(values, [ak, sk, st], source) ??
    passwordSet(values, [user, password, domain], [user, password, domain], source)
  );
}

function fromEnv(env: Named): ResolvedCredentials | undefined {
  if (env.HW_AUTH_TOKEN) return { kind: 'token', token: env.HW_AUTH_TOKEN, source: 'HW_AUTH_TOKEN' };
  const sdk = ['HUAWEICLOUD_SDK_AK', 'HUAWEICLOUD_SDK_SK', 'HUAWEICLOUD_SDK_SECURITY_TOKEN'];
  // HW_USER_PASSWORD is the provider's name for HW_PASSWORD; a lone HW_DOMAIN_NAME starts no set
  const password = { ...env, HW_PASSWORD: env.HW_PASSWORD || env.HW_USER_PASSWORD };
  return (
    keyPair(env, ['HW_ACCESS_KEY', 'HW_SECRET_KEY', 'HW_SECURITY_TOKEN'], 'HW_ACCESS_KEY') ??
    keyPair(env, sdk, 'HUAWEICLOUD_SDK_AK') ??
    passwordSet(
      password,
      ['HW_USER_NAME', 'HW_PASSWORD', 'HW_DOMAIN_NAME'],
      ['HW_USER_NAME', 'HW_PASSWORD'],
      'HW_USER_NAME',
    )
  );
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
export function resolveCredentials(explicit: DisCredentials | undefined, env: Named): ResolvedCredentials {
  const found = (explicit && fromExplicit(explicit)) ?? fromEnv(env);
  if (found) return found;
  const rule = `one of: options.credentials, ${CREDENTIAL_VARIABLES.join('; ')}`;
  throw new DisConfigError(`no Huawei Cloud credentials found: set ${CREDENTIAL_VARIABLES.join(', or ')}`, {
    field: 'credentials',
    rule,
  });
}

// ---------------------------------------------------------------------------------------------
// The headers of one attempt

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
