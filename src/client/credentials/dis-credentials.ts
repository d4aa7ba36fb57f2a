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
