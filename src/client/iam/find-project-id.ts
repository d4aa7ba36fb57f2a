import { DisConfigError } from '../errors';
import { IamProjectsResponseSchema, parseJsonResponse } from '../schemas';
import { exchange, type ExchangeSettings } from '../transport';

/**
 * Finds the id of the IAM project named after `region` (`GET /v3/projects?name={region}`).
 * Exactly one match is required; a project is never created (unlike the official SDKs).
 */
export async function findProjectId(
  iamEndpoint: string,
  region: string,
  headersFor: (url: URL) => Promise<Record<string, string>>,
  credentialSource: string,
  settings: ExchangeSettings,
): Promise<string> {
  const url = new URL(`${iamEndpoint}/v3/projects?name=${encodeURIComponent(region)}`);
  const context = { operation: 'KeystoneListProjects', region };
  const result = await exchange({
    ...settings,
    method: 'GET',
    url,
    context,
    credentialSource,
    headersFor: () => headersFor(url),
  });
  const { projects } = parseJsonResponse(result, IamProjectsResponseSchema, context);
  const matches = projects.filter((p) => p.name === region);
  if (matches.length === 1) return matches[0].id;
  const rule = 'exactly one IAM project named after the region';
  throw new DisConfigError(
    `IAM lists ${matches.length} projects named '${region}': set HW_PROJECT_ID (or projectId) to the project to use`,
    { field: 'projectId', rule },
  );
}
