import { DisConfigError } from './errors';

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

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
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
    if (!allowInsecureHttp && !isLoopback(url.hostname)) fail(`plain http to ${url.hostname} is not allowed`);
  } else if (url.protocol !== 'https:') {
    fail(`protocol ${url.protocol} is not supported`);
  }
  let base = url.toString().replace(/\/+$/, '');
  if (stripV3) base = base.replace(/\/v3$/, '');
  return base;
}
