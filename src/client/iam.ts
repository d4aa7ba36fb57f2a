// What the client asks IAM: the id of the project named after the region, and a project-scoped
// token in exchange for a user name and password. Neither is cached here: DisClient keeps the
// project id and the token for its lifetime.
import type { PasswordCredentials } from './credentials';
import { DisConfigError, DisResponseError } from './errors';
import { IamProjectsResponseSchema, IamTokenResponseSchema, parseJsonResponse } from './schemas';
import { headerValue } from './signing';
import type { CredentialKind } from './service-failures';
import { exchange, type ExchangeOptions, type ExchangeSettings } from './transport';

/** The per-call half of the settings: the call's budget and where the IAM host came from. */
export type IamCallSettings = ExchangeSettings & Pick<ExchangeOptions, 'budget' | 'hostFromRegion'>;

/**
 * Finds the id of the IAM project named after `region` (`GET /v3/projects?name={region}`).
 * Exactly one match is required; a project is never created (unlike the official SDKs).
 */
export async function findProjectId(
  iamEndpoint: string,
  region: string,
  headersFor: (url: URL) => Promise<Record<string, string>>,
  credential: { readonly source: string; readonly kind: CredentialKind },
  settings: IamCallSettings,
): Promise<string> {
  const url = new URL(`${iamEndpoint}/v3/projects?name=${encodeURIComponent(region)}`);
  const context = { operation: 'KeystoneListProjects', region };
  const result = await exchange({
    ...settings,
    method: 'GET',
    url,
    context,
    credentialSource: credential.source,
    credentialKind: credential.kind,
    headersFor: () => headersFor(url),
  });
  const { projects } = parseJsonResponse(result, IamProjectsResponseSchema, context);
  const matches = (projects ?? []).filter((p) => p.name === region);
  if (matches.length === 1) return matches[0].id;
  const rule = 'exactly one IAM project named after the region';
  if (matches.length === 0) {
    throw new DisConfigError(
      `IAM lists no project named '${region}' for these credentials: check the region (the region option, ` +
        `HW_REGION_NAME or HUAWEICLOUD_SDK_REGION_ID), which names the project, for example cn-north-4; ` +
        'if the region is right, the credentials have no access to its project',
      { field: 'region', rule },
    );
  }
  throw new DisConfigError(
    `IAM lists ${matches.length} projects named '${region}': set HW_PROJECT_ID (or projectId) to the project to use`,
    { field: 'projectId', rule },
  );
}

/** An IAM token and what came with it. Kept in memory only. */
export interface IamToken {
  readonly token: string;
  /** Epoch ms. */
  readonly expiresAt: number;
  /** The id of the project the token is scoped to. */
  readonly projectId?: string;
}

/**
 * Exchanges a user name and password for a project-scoped token at IAM
 * `POST /v3/auth/tokens?nocatalog=true`. The scope is the project id when it is known, else the
 * project named after the region. The token arrives in `X-Subject-Token`. Not retried: only GET
 * requests are.
 */
export async function requestToken(
  iamEndpoint: string,
  credentials: PasswordCredentials,
  region: string,
  projectId: string | undefined,
  settings: IamCallSettings & { readonly userAgent: string },
): Promise<IamToken> {
  const url = new URL(`${iamEndpoint}/v3/auth/tokens?nocatalog=true`);
  const body = JSON.stringify({
    auth: {
      identity: {
        methods: ['password'],
        password: {
          user: {
            name: credentials.userName,
            password: credentials.password,
            domain: { name: credentials.domainName },
          },
        },
      },
      scope: { project: projectId === undefined ? { name: region } : { id: projectId } },
    },
  });
  const context = { operation: 'KeystoneCreateUserTokenByPassword', region };
  const result = await exchange({
    ...settings,
    method: 'POST',
    url,
    body,
    context,
    credentialSource: credentials.source,
    credentialKind: 'password',
    headersFor: async () => ({
      'content-type': 'application/json;charset=utf8',
      'user-agent': settings.userAgent,
    }),
  });
  const parsed = parseJsonResponse(result, IamTokenResponseSchema, context);
  const token = headerValue(result.response.headers, 'x-subject-token');
  if (!token) {
    throw new DisResponseError(
      'IAM answered the token request without an X-Subject-Token header: check that the IAM endpoint (HW_AUTH_URL) is IAM',
      {
        ...context,
        httpStatus: result.response.status,
        reason: 'SCHEMA_MISMATCH',
        issues: ['X-Subject-Token: missing'],
      },
    );
  }
  return { token, expiresAt: Date.parse(parsed.token.expires_at), projectId: parsed.token.project?.id };
}
