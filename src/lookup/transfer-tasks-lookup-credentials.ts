/**
 * Explicit credentials for a lookup (jsii-shaped; the same fields as the client's `DisCredentials`).
 * A last resort: the client's environment chain is the default. Never recorded anywhere.
 */
export interface TransferTasksLookupCredentials {
  /** Access key id (AK/SK signing). @default - none */
  readonly accessKey?: string;
  /** Secret access key (AK/SK signing). @default - none */
  readonly secretKey?: string;
  /** Security token of temporary AK/SK credentials. @default - none */
  readonly securityToken?: string;
  /** An IAM token (`X-Auth-Token`). @default - none */
  readonly authToken?: string;
  /** IAM user name (password authentication). @default - none */
  readonly userName?: string;
  /** IAM user password. @default - none */
  readonly password?: string;
  /** Account (domain) name of the IAM user. @default - none */
  readonly domainName?: string;
}
