import type { Dispatcher } from 'undici';
import type { DisCredentials } from './credentials';
import type { RetryPolicy } from './retry';

/** Options of {@link DisClient}. Every one is optional; unset ones come from the environment. */
export interface DisClientOptions {
  /** Region id such as `cn-north-4`. @default `HW_REGION_NAME`, then `HUAWEICLOUD_SDK_REGION_ID` */
  readonly region?: string;
  /**
   * Project id (32 hex characters).
   * @default `HW_PROJECT_ID`, then `HUAWEICLOUD_SDK_PROJECT_ID`, then IAM `GET /v3/projects?name={region}`
   */
  readonly projectId?: string;
  /** DIS base URL. @default `HW_DIS_ENDPOINT`, then `https://dis.{region}.{cloud}` */
  readonly endpoint?: string;
  /**
   * IAM base URL, with or without `/v3`.
   * @default `HW_AUTH_URL`, then `HUAWEICLOUD_SDK_IAM_ENDPOINT`, then `https://iam.{region}.{cloud}`
   */
  readonly iamEndpoint?: string;
  /** Explicit credentials; they take precedence over every environment variable. @default the environment chain */
  readonly credentials?: DisCredentials;
  /** Time allowed for one attempt, headers and body, in ms. @default 10000 */
  readonly attemptTimeoutMs?: number;
  /** Time allowed for one call, all attempts and waits included, in ms. @default 30000 */
  readonly deadlineMs?: number;
  /** How GET requests are retried. @default 3 attempts, full-jitter backoff from 100 ms, 20 s cap */
  readonly retry?: RetryPolicy;
  /** The undici dispatcher (tests, custom proxies). @default an `EnvHttpProxyAgent` when a proxy variable is set, else undici's global one */
  readonly dispatcher?: Dispatcher;
  /** `User-Agent` sent with every request. @default `cdktf-dis-transfer-tasks` */
  readonly userAgent?: string;
  /** Allow plain `http://` endpoints on non-loopback hosts. @default false */
  readonly allowInsecureHttp?: boolean;
  /** Where environment variables are read from. @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The clock, for signing dates and deadlines (tests). @default () => new Date() */
  readonly now?: () => Date;
}

/** Where the client sends its requests, once resolved. */
export interface DisTarget {
  /** Region id. */
  readonly region: string;
  /** Project id. */
  readonly projectId: string;
  /** DIS base URL, without a trailing `/`. */
  readonly endpoint: string;
}
