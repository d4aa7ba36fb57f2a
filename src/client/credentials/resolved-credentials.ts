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
