import type { DisErrorContext } from './dis-error-context';

/** A failed answer, as needed to word the error. */
export interface ServiceFailureFacts extends DisErrorContext {
  /** The HTTP status. */
  readonly httpStatus: number;
  /** The service code, when the body had one. */
  readonly serviceCode?: string;
  /** The service message, when the body had one. */
  readonly serviceMessage?: string;
  /** Where the credentials came from (`HW_ACCESS_KEY`, …), to name in the fix of an auth failure. */
  readonly credentialSource?: string;
}

function target(f: ServiceFailureFacts): string {
  const where = [f.projectId && `project ${f.projectId}`, f.region && `region ${f.region}`]
    .filter(Boolean)
    .join(', ');
  return where ? ` in ${where}` : '';
}

function what(f: ServiceFailureFacts): { summary: string; fix: string } {
  const code = f.serviceCode ?? '';
  const stream = f.streamName ? `stream '${f.streamName}'` : 'the stream';
  if (code === 'DIS.4301') {
    return { summary: `${stream} not found${target(f)}`, fix: 'check the stream name and the region' };
  }
  if (code === 'DIS.4354') {
    return {
      summary: `transfer task '${f.taskName ?? ''}' not found on ${stream}${target(f)}`,
      fix: 'check the task name (listTransferTasks shows the existing ones)',
    };
  }
  if (code === 'DIS.4117') {
    return {
      summary: `project id not valid${target(f)}`,
      fix: 'set HW_PROJECT_ID (or projectId) to a project of this region',
    };
  }
  if (code === 'DIS.4309') {
    return {
      summary: 'this IP address is blocked after too many failed requests',
      fix: 'stop retrying, fix the credentials, and wait before calling again',
    };
  }
  if (code === 'DIS.4116' || f.httpStatus === 403) {
    return {
      summary: `permission denied${target(f)}`,
      fix: 'grant the IAM user DIS read access (for example DIS ReadOnlyAccess) in this project and check the account is not in arrears',
    };
  }
  if (
    f.httpStatus === 401 ||
    f.httpStatus === 441 ||
    code.startsWith('DIS.41') ||
    /^APIGW?\.030/.test(code)
  ) {
    const source = f.credentialSource ? ` taken from ${f.credentialSource}` : '';
    return {
      summary: 'the credentials were rejected',
      fix:
        `check the credentials${source} (an expired token needs refreshing) and the system clock ` +
        '(signatures are only valid for 15 minutes); an AK/SK is locked for 5 minutes after 5 failed signatures',
    };
  }
  if (f.httpStatus === 429 || ['DIS.4303', 'DIS.4305', 'APIGW.0308', 'APIG.0308'].includes(code)) {
    return { summary: 'the request was throttled', fix: 'call less often, or retry later' };
  }
  if (f.httpStatus >= 500 || code === 'DIS.5000') {
    return {
      summary: `the service failed (HTTP ${f.httpStatus})`,
      fix: 'retry later; if it persists, contact Huawei Cloud support with the request id',
    };
  }
  return {
    summary: `the request was refused (HTTP ${f.httpStatus})`,
    fix: 'check the stream name, the project and the region',
  };
}

/**
 * One line saying what failed, the service's own words, and the fix, for example
 * `stream 'orders' not found in project 0123…, region cn-north-4 (DIS.4301: The stream does not
 * exist.): check the stream name and the region [request id r-1, 1 attempt]`.
 */
export function describeServiceFailure(f: ServiceFailureFacts): string {
  const { summary, fix } = what(f);
  const service = [f.serviceCode, f.serviceMessage].filter(Boolean).join(': ');
  const trailer = [
    f.operation,
    f.requestId && `request id ${f.requestId}`,
    f.attempts !== undefined && `${f.attempts} attempt${f.attempts === 1 ? '' : 's'}`,
  ]
    .filter(Boolean)
    .join(', ');
  return `${summary}${service ? ` (${service})` : ` (HTTP ${f.httpStatus})`}: ${fix}${trailer ? ` [${trailer}]` : ''}`;
}
