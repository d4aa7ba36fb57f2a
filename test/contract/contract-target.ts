// Where the contract suite runs: the emulator (default, CI) or the real service (by hand, when
// DIS_CONTRACT_REMOTE=1 and credentials are in the environment; see the README, section "DIS emulator").
import { DisEmulator, type ShippedScenarioName } from '../../src/emulator';
import { call, type CallResult } from '../emulator/http-call';
import { officialSign } from './official-signer';

/** Everything a contract test needs to talk to one target. */
export interface ContractTarget {
  /** True against the real service. */
  readonly remote: boolean;
  /** DIS base URL, no trailing slash. */
  readonly disUrl: string;
  /** IAM base URL ending in `/v3`. */
  readonly iamUrl: string;
  readonly region: string;
  readonly projectId: string;
  readonly ak: string;
  readonly sk: string;
  readonly securityToken?: string;
  /** A stream that exists and holds at least one transfer task. */
  readonly stream: string;
  /** An IAM user for the token checks, when one is configured. */
  readonly user?: { readonly name: string; readonly password: string; readonly domain: string };
  /** Stops the emulator (nothing against the real service). */
  close(): Promise<void>;
}

/** A response as the contract tests inspect it. */
export type ContractResponse = CallResult;

type Env = Readonly<Record<string, string | undefined>>;

/** True when the target has an IAM user: the emulator always; a real run when HW_USER_NAME etc. are set. */
export const HAS_USER = hasUser(process.env);

function hasUser(env: Env): boolean {
  return (
    env.DIS_CONTRACT_REMOTE !== '1' || Boolean(env.HW_USER_NAME && env.HW_PASSWORD && env.HW_DOMAIN_NAME)
  );
}

/**
 * Starts the emulator with a shipped scenario (the demo one unless `scenario` names another), or
 * describes the real service from `env` (which answers as it does: `scenario` is ignored).
 *
 * @param env where to read `DIS_CONTRACT_REMOTE` and the credentials
 * @default env process.env
 */
export async function contractTarget(
  env: Env = process.env,
  scenario: ShippedScenarioName = 'demo',
): Promise<ContractTarget> {
  if (env.DIS_CONTRACT_REMOTE !== '1') {
    const emu = await DisEmulator.start({ scenario });
    return {
      remote: false,
      disUrl: emu.url,
      iamUrl: `${emu.url}/v3`,
      region: 'cn-north-4',
      projectId: '0123456789abcdef0123456789abcdef',
      ak: 'DEMOAK0000000000000A',
      sk: 'demo-secret-key-0000000000000000000000000',
      stream: 'orders',
      user: { name: 'demo-user', password: 'demo-password-0000', domain: 'demo-domain' },
      close: () => emu.stop(),
    };
  }
  const required = (name: string): string => {
    const v = env[name];
    if (!v) throw new Error(`DIS_CONTRACT_REMOTE=1 needs ${name}; see the README, section "DIS emulator".`);
    return v;
  };
  const region = required('HW_REGION_NAME');
  const user =
    env.HW_USER_NAME && env.HW_PASSWORD && env.HW_DOMAIN_NAME
      ? {
          name: env.HW_USER_NAME,
          password: env.HW_PASSWORD,
          domain: env.HW_DOMAIN_NAME,
        }
      : undefined;
  return {
    remote: true,
    disUrl: (env.HW_DIS_ENDPOINT ?? `https://dis.${region}.myhuaweicloud.com`).replace(/\/$/, ''),
    iamUrl:
      (env.HW_AUTH_URL ?? `https://iam.${region}.myhuaweicloud.com/v3`).replace(/\/(v3\/?)?$/, '') + '/v3',
    region,
    projectId: required('HW_PROJECT_ID'),
    ak: required('HW_ACCESS_KEY'),
    sk: required('HW_SECRET_KEY'),
    securityToken: env.HW_SECURITY_TOKEN,
    stream: required('DIS_CONTRACT_STREAM'),
    user,
    close: async () => undefined,
  };
}

/** Sends a request signed by the official SDK signer; `tamper` may change the signed headers before sending. */
export async function signedCall(
  t: ContractTarget,
  method: string,
  url: string,
  options: {
    query?: Record<string, string>;
    data?: unknown;
    sdkDate?: string;
    sk?: string;
    tamper?: (headers: Record<string, string>) => Record<string, string>;
  } = {},
): Promise<ContractResponse> {
  const signed = officialSign({
    url,
    method,
    ak: t.ak,
    sk: options.sk ?? t.sk,
    query: options.query,
    data: options.data,
    projectId: url.startsWith(t.disUrl) ? t.projectId : undefined,
    securityToken: t.securityToken,
    sdkDate: options.sdkDate,
  });
  const headers = options.tamper ? options.tamper(signed.headers) : signed.headers;
  const qs = options.query ? `?${new URLSearchParams(options.query).toString()}` : '';
  return send(method, `${url}${qs}`, headers, signed.body);
}

/** Sends a request as given. */
export function send(
  method: string,
  url: string,
  headers: Record<string, string>,
  body?: string,
): Promise<ContractResponse> {
  return call(url, method, '', { headers, body });
}
