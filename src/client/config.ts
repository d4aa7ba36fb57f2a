// Where the client sends its requests: the input rules (stream, task, project, region), the
// endpoints, and the one chain that picks region, project id and endpoints from options and the
// environment. The lookup resolves its region and project through the same chain.
import { DisConfigError } from './errors';
import { quoted } from './untrusted';

/** The environment, as the client reads it. */
export type Env = Readonly<Record<string, string | undefined>>;

// ---------------------------------------------------------------------------------------------
// Input rules

/** A shape an input must have, and how to say it. */
interface Rule {
  readonly pattern: RegExp;
  readonly rule: string;
}

/**
 * DIS stream and transfer task names: 1-64 letters, digits, `_` and `-`. Streams are created with
 * up to 64 characters (the create-stream documentation) although the ListTransferTasks reference
 * says 60 for its path parameter: a name the service can create is accepted and the service decides.
 * The emulator checks its scenarios with the same patterns.
 */
export const NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** {@link NAME_PATTERN} in words. */
export const NAME_RULE = '1-64 characters of letters, digits, "_" and "-"';

const STREAM_NAME: Rule = { pattern: NAME_PATTERN, rule: NAME_RULE };
const TASK_NAME: Rule = { pattern: NAME_PATTERN, rule: NAME_RULE };
const SERVICE_VALUE: Rule = {
  pattern: /^[A-Z][A-Z0-9_]{0,63}$/,
  rule: 'an upper-case identifier (letters, digits and "_", starting with a letter, at most 64 characters)',
};
const PROJECT_ID: Rule = {
  pattern: /^[0-9a-fA-F]{32}$/,
  rule: '32 hexadecimal characters (the IAM project id, not its name)',
};
const REGION: Rule = {
  pattern: /^[a-z]{2,}(-[a-z]+)+-\d+$/,
  rule: 'a region id such as "cn-north-4" or "eu-west-101"',
};

function check(value: unknown, field: string, { pattern, rule }: Rule): string {
  if (typeof value === 'string' && pattern.test(value)) return value;
  throw new DisConfigError(`${field} ${quoted(value, 80)} is not valid: it must be ${rule}`, { field, rule });
}

/** Checks a DIS stream name: 1-64 letters, digits, `_`, `-` (see {@link NAME_PATTERN}). */
export function checkStreamName(value: unknown, field = 'streamName'): string {
  return check(value, field, STREAM_NAME);
}

/** Checks a transfer task name: 1-64 letters, digits, `_`, `-` (SDK descriptor models). */
export function checkTaskName(value: unknown, field = 'taskName'): string {
  return check(value, field, TASK_NAME);
}

/**
 * Checks a value the service spells as an upper-case identifier (a task's `state`, its
 * `destination_type`): documented or not, such a value is passed through (DESIGN decision 4), but
 * anything else (lower case, spaces, template sequences) is refused before it is used or recorded.
 */
export function checkServiceValue(value: unknown, field: string): string {
  return check(value, field, SERVICE_VALUE);
}

/** Checks a project id: 32 hex characters. */
export function checkProjectId(value: unknown, field = 'projectId'): string {
  return check(value, field, PROJECT_ID);
}

/** Checks a region id such as `cn-north-4`. */
export function checkRegion(value: unknown, field = 'region'): string {
  return check(value, field, REGION);
}

/**
 * The cloud domain of a region: `myhuaweicloud.eu` for the European `eu-west-1xx` regions,
 * `myhuaweicloud.com` otherwise — as the huaweicloud Terraform provider decides it
 * (`provider.go` `getCloudDomain`). `HW_CLOUD` overrides it, as for the provider.
 */
export function cloudDomain(region: string, hwCloud?: string): string {
  if (hwCloud) return hwCloud;
  return region.startsWith('eu-west-1') ? 'myhuaweicloud.eu' : 'myhuaweicloud.com';
}

/** The default DIS base URL of a region: `https://dis.{region}.{cloud}`. */
export function defaultDisEndpoint(region: string, hwCloud?: string): string {
  return `https://dis.${region}.${cloudDomain(region, hwCloud)}`;
}

/** The default IAM base URL of a region: `https://iam.{region}.{cloud}` (the provider's default `auth_url`). */
export function defaultIamEndpoint(region: string, hwCloud?: string): string {
  return `https://iam.${region}.${cloudDomain(region, hwCloud)}`;
}

/**
 * True for a URL hostname that names this machine: `localhost`, `127.0.0.0/8`, `[::1]` and the
 * IPv4-mapped `[::ffff:127.x.y.z]` (which `URL` writes as `[::ffff:7fxx:yyzz]`). Plain `http://` is
 * allowed to such hosts, and requests to them never go through a proxy.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return (
    host === 'localhost' ||
    host === '[::1]' ||
    /^127(\.\d{1,3}){3}$/.test(host) ||
    /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(host)
  );
}

/**
 * Checks a base URL given by option or environment and returns it without a trailing `/`
 * (and, with `stripV3`, without a trailing `/v3`, so `HW_AUTH_URL` may carry it or not).
 * Plain `http://` is refused unless the host is a loopback address or `allowInsecureHttp` is set:
 * a signature or token sent in clear text is a credential leak.
 */
export function checkBaseUrl(
  value: string,
  field: string,
  allowInsecureHttp: boolean,
  stripV3 = false,
): string {
  const rule = 'an https:// URL without credentials, query or fragment (http:// only for loopback hosts)';
  const fail = (why: string): never => {
    throw new DisConfigError(`${field} is not a usable base URL (${why}): it must be ${rule}`, {
      field,
      rule,
    });
  };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail('not a URL');
  }
  if (url.username || url.password) fail('it contains credentials');
  if (url.search || url.hash) fail('it has a query or fragment');
  if (url.protocol === 'http:') {
    if (!allowInsecureHttp && !isLoopbackHost(url.hostname))
      fail(`plain http to ${url.hostname} is not allowed`);
  } else if (url.protocol !== 'https:') {
    fail(`protocol ${url.protocol} is not supported`);
  }
  let base = url.toString().replace(/\/+$/, '');
  if (stripV3) base = base.replace(/\/v3$/, '');
  return base;
}

// ---------------------------------------------------------------------------------------------
// The settings chain: an explicit value, then the huaweicloud provider's variable, then the
// official SDKs' one. Environment values are trimmed (a pasted value often ends in a newline);
// an empty value counts as unset.

/** A value and where it was set: the option name or the environment variable. */
export interface Setting {
  /** The value. */
  readonly value: string;
  /** Where it was set, for messages: an option name or an environment variable. */
  readonly from: string;
}

/** The environment variables of each setting, in the order they are read. */
export const SETTING_VARIABLES = {
  region: ['HW_REGION_NAME', 'HUAWEICLOUD_SDK_REGION_ID'],
  projectId: ['HW_PROJECT_ID', 'HUAWEICLOUD_SDK_PROJECT_ID'],
  endpoint: ['HW_DIS_ENDPOINT'],
  iamEndpoint: ['HW_AUTH_URL', 'HUAWEICLOUD_SDK_IAM_ENDPOINT'],
} as const;

/** The first of `explicit` (named `option`) and the setting's environment variables that is set. */
export function pickSetting(
  name: keyof typeof SETTING_VARIABLES,
  explicit: string | undefined,
  env: Env,
  option: string = name,
): Setting | undefined {
  if (explicit !== undefined) return { value: explicit, from: option };
  for (const variable of SETTING_VARIABLES[name]) {
    const value = env[variable]?.trim();
    if (value) return { value, from: variable };
  }
  return undefined;
}

/** The region from `explicit` or the environment, checked; `undefined` when none is set. */
export function resolveRegion(explicit: string | undefined, env: Env, option = 'region'): string | undefined {
  const setting = pickSetting('region', explicit, env, option);
  return setting && checkRegion(setting.value, setting.from);
}

/** The project id from `explicit` or the environment, checked; `undefined` when none is set. */
export function resolveProjectId(
  explicit: string | undefined,
  env: Env,
  option = 'projectId',
): string | undefined {
  const setting = pickSetting('projectId', explicit, env, option);
  return setting && checkProjectId(setting.value, setting.from);
}

/** The DIS base URL: `explicit`, `HW_DIS_ENDPOINT`, or the region's public endpoint; checked. */
export function resolveDisEndpoint(
  explicit: string | undefined,
  region: string,
  env: Env,
  allowInsecureHttp = false,
): string {
  const setting = pickSetting('endpoint', explicit, env);
  return checkBaseUrl(
    setting?.value ?? defaultDisEndpoint(region, env.HW_CLOUD),
    setting?.from ?? 'endpoint',
    allowInsecureHttp,
  );
}

/** The IAM base URL: `explicit`, `HW_AUTH_URL`, `HUAWEICLOUD_SDK_IAM_ENDPOINT`, or the region's; checked. */
export function resolveIamEndpoint(
  explicit: string | undefined,
  region: string,
  env: Env,
  allowInsecureHttp = false,
): string {
  const setting = pickSetting('iamEndpoint', explicit, env, 'iamEndpoint');
  return checkBaseUrl(
    setting?.value ?? defaultIamEndpoint(region, env.HW_CLOUD),
    setting?.from ?? 'iamEndpoint',
    allowInsecureHttp,
    true,
  );
}
