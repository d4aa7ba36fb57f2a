// DisClient: the one object callers use. It resolves where to send (config.ts) and as whom
// (credentials.ts), asks IAM when it must (iam.ts), sends through the transport (transport.ts) and
// reads the answers with their schemas (schemas.ts). Only the lookup worker and the CLI (itself or
// through the live gate check) construct one, so it loads undici and zod with itself; the package
// root does not load this module.
import type { Dispatcher } from 'undici';
import {
  SETTING_VARIABLES,
  checkProjectId,
  checkStreamName,
  checkTaskName,
  defaultDisEndpoint,
  defaultIamEndpoint,
  resolveDisEndpoint,
  resolveIamEndpoint,
  resolveProjectId,
  resolveRegion,
} from './config';
import {
  authHeaders,
  type DisCredentials,
  type RequestAuth,
  resolveCredentials,
  type ResolvedCredentials,
  secretValues,
} from './credentials';
import { guardCall } from './call-guard';
import { DisConfigError, DisResponseError, maskSecrets, secretsFromEnv } from './errors';
import { findProjectId, type IamToken, requestToken } from './iam';
import type { ListTransferTasksResult, TransferTaskDetails } from './model';
import { resolveRetryPolicy, type RetryPolicy } from './retry';
import {
  ListStreamsResponseSchema,
  ListTransferTasksResponseSchema,
  parseJsonResponse,
  ShowTransferTaskResponseSchema,
} from './schemas';
import { toListTransferTasksResult, toStreamNames, toTransferTaskDetails } from './convert';
import { proxyDispatcher } from './proxy';
import { type CallBudget, exchange, type ExchangeResult, type ExchangeSettings } from './transport';

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
  /**
   * How the caller names its deadline setting, for the fix of the deadline error ("… or raise
   * {deadlineHint}"): a construct passes its prop (`the timeoutMs prop of the lookup`), a CLI its
   * flag (`--timeout`). @default `deadlineMs`
   */
  readonly deadlineHint?: string;
  /** How GET requests are retried. @default 3 attempts, full-jitter backoff from 100 ms, 20 s cap */
  readonly retry?: RetryPolicy;
  /**
   * The undici dispatcher (tests, custom proxies), used as is for every request.
   * @default when `HTTPS_PROXY`/`HTTP_PROXY` is set in `env`, a proxy agent that honours
   * `NO_PROXY` and sends loopback hosts direct; else undici's global dispatcher
   */
  readonly dispatcher?: Dispatcher;
  /** Aborting it ends every call in flight (a `DisNetworkError` with cause `ABORTED`) and refuses new ones. @default none */
  readonly signal?: AbortSignal;
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

/** Refresh a password-derived token this long before IAM says it expires. */
const TOKEN_REFRESH_MARGIN_MS = 5 * 60_000;
/** ListStreams page size (the API's maximum). */
const STREAMS_PAGE_LIMIT = 100;
/** Guard against a service that never stops paging. */
const MAX_STREAM_PAGES = 1000;

function positive(value: number | undefined, field: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (Number.isFinite(value) && value > 0) return value;
  throw new DisConfigError(`${field} ${value} is not valid: it must be a positive number of milliseconds`, {
    field,
    rule: 'a positive number of milliseconds',
  });
}

/**
 * A typed client for the DIS transfer-task API (`ListTransferTasks`, `ShowTransferTask`,
 * `ListStreams`), with the huaweicloud provider's credential chain, SDK-HMAC-SHA256 signing or
 * IAM tokens, retries for GET, per-attempt timeouts and an overall deadline, and coded errors.
 *
 * Nothing is sent at construction, and only the proxy variables are read then; credentials,
 * region and project are resolved on the first call. Inputs are checked before any request.
 * Credentials live in private fields: they never appear in errors, `util.inspect` or
 * `JSON.stringify` output.
 */
export class DisClient {
  readonly #options: DisClientOptions;
  readonly #env: Readonly<Record<string, string | undefined>>;
  readonly #settings: ExchangeSettings;
  readonly #userAgent: string;
  readonly #now: () => Date;
  readonly #dispatcher: Dispatcher | undefined;
  /** True when the dispatcher was made here (a proxy agent) and so is ours to close. */
  readonly #ownsDispatcher: boolean;
  #credentials: ResolvedCredentials | undefined;
  #token: IamToken | undefined;
  #target: Promise<DisTarget> | undefined;

  public constructor(options: DisClientOptions = {}) {
    this.#options = options;
    this.#env = options.env ?? process.env;
    this.#userAgent = options.userAgent ?? 'cdktf-dis-transfer-tasks';
    const attemptTimeoutMs = positive(options.attemptTimeoutMs, 'attemptTimeoutMs', 10_000);
    const deadlineMs = positive(options.deadlineMs, 'deadlineMs', 30_000);
    // a tunnel the proxy never opened is dropped within the call's time, so it cannot keep the process alive
    this.#dispatcher =
      options.dispatcher ?? proxyDispatcher(this.#env, Math.min(attemptTimeoutMs, deadlineMs));
    this.#ownsDispatcher = options.dispatcher === undefined && this.#dispatcher !== undefined;
    const now = options.now ?? (() => new Date());
    this.#settings = {
      retry: resolveRetryPolicy(options.retry),
      attemptTimeoutMs,
      deadlineMs,
      deadlineHint: options.deadlineHint?.trim() || 'deadlineMs',
      dispatcher: this.#dispatcher,
      scrub: (text) => maskSecrets(text, this.#secrets()),
      now: () => now().getTime(),
    };
    this.#now = now;
  }

  /**
   * Resolves region, project id (asking IAM when needed) and the DIS base URL, without sending a
   * DIS request. The result is kept for the client's lifetime; a failure is not.
   */
  public resolveTarget(): Promise<DisTarget> {
    return this.#guard('ResolveTarget', (budget) => this.#cachedTarget(budget));
  }

  /** The target, resolved once and shared by concurrent calls; each waits within its own budget. */
  #cachedTarget(budget: CallBudget): Promise<DisTarget> {
    if (!this.#target) {
      this.#target = this.#resolveTarget(budget);
      this.#target.catch(() => (this.#target = undefined));
    }
    return this.#target;
  }

  /** Lists the transfer tasks of a stream (`GET /v2/{project_id}/streams/{stream_name}/transfer-tasks`). */
  public listTransferTasks(streamName: string): Promise<ListTransferTasksResult> {
    return this.#guard('ListTransferTasks', (budget) => this.#listTransferTasks(streamName, budget));
  }

  /** Shows one transfer task with its destination description (`GET …/transfer-tasks/{task_name}`). */
  public showTransferTask(streamName: string, taskName: string): Promise<TransferTaskDetails> {
    return this.#guard('ShowTransferTask', (budget) => this.#showTransferTask(streamName, taskName, budget));
  }

  /** Lists the names of every stream of the project, following `ListStreams` paging. */
  public listStreams(): Promise<string[]> {
    return this.#guard('ListStreams', (budget) => this.#listStreams(budget));
  }

  /**
   * Closes the proxy agent this client created from `HTTPS_PROXY`/`HTTP_PROXY`, if any, dropping its
   * connections (a tunnel a proxy never opened included), so that nothing keeps the process alive.
   * Calls still in flight fail. A dispatcher passed in is left alone.
   */
  public async close(): Promise<void> {
    if (this.#ownsDispatcher) await this.#dispatcher?.destroy();
  }

  /**
   * Runs a call within one budget of `deadlineMs` for all its phases (target, IAM, the request and
   * its retries), ends it when the caller's signal aborts, and masks every credential value in
   * whatever it throws (message, details at any depth, cause chain): a secret pasted into the wrong
   * variable, or a service or proxy echoing a header, a token or the password.
   */
  #guard<T>(operation: string, call: (budget: CallBudget) => Promise<T>): Promise<T> {
    return guardCall(
      operation,
      {
        deadlineMs: this.#settings.deadlineMs,
        deadlineHint: this.#settings.deadlineHint,
        now: this.#settings.now,
        signal: this.#options.signal,
        secrets: () => this.#secrets(),
      },
      call,
    );
  }

  /**
   * The values to mask: the credentials in use (or whatever the chain would pick), the IAM token
   * obtained with a password, and every secret variable of the environment. With `echo`, the ones
   * an answer must not hold: the same without the IAM user name, which is not a secret and may
   * well be part of a task's name.
   */
  #secrets(echo = false): string[] {
    let credentials: string[] = [];
    try {
      const resolved = this.#credentials ?? resolveCredentials(this.#options.credentials, this.#env);
      credentials = secretValues(resolved).filter(
        (v) => !echo || resolved.kind !== 'password' || v !== resolved.userName,
      );
    } catch {
      // no complete credential set: the environment's values are still masked
    }
    return [...credentials, ...(this.#token ? [this.#token.token] : []), ...secretsFromEnv(this.#env)];
  }

  async #listTransferTasks(streamName: string, budget: CallBudget): Promise<ListTransferTasksResult> {
    checkStreamName(streamName);
    const target = await this.#cachedTarget(budget);
    const context = {
      operation: 'ListTransferTasks',
      streamName,
      projectId: target.projectId,
      region: target.region,
    };
    const path = `/v2/${target.projectId}/streams/${encodeURIComponent(streamName)}/transfer-tasks`;
    const result = await this.#get(target, path, context, budget);
    const body = parseJsonResponse(result, ListTransferTasksResponseSchema, context);
    return toListTransferTasksResult(body, { context, result, secrets: this.#secrets(true) });
  }

  async #showTransferTask(
    streamName: string,
    taskName: string,
    budget: CallBudget,
  ): Promise<TransferTaskDetails> {
    checkStreamName(streamName);
    checkTaskName(taskName);
    const target = await this.#cachedTarget(budget);
    const context = {
      operation: 'ShowTransferTask',
      streamName,
      taskName,
      projectId: target.projectId,
      region: target.region,
    };
    const path =
      `/v2/${target.projectId}/streams/${encodeURIComponent(streamName)}` +
      `/transfer-tasks/${encodeURIComponent(taskName)}`;
    const result = await this.#get(target, path, context, budget);
    const body = parseJsonResponse(result, ShowTransferTaskResponseSchema, context);
    return toTransferTaskDetails(body, streamName, { context, result, secrets: this.#secrets(true) });
  }

  async #listStreams(budget: CallBudget): Promise<string[]> {
    const target = await this.#cachedTarget(budget);
    const context = { operation: 'ListStreams', projectId: target.projectId, region: target.region };
    const names: string[] = [];
    let start: string | undefined;
    for (let page = 0; page < MAX_STREAM_PAGES; page++) {
      const query = `?limit=${STREAMS_PAGE_LIMIT}${start === undefined ? '' : `&start_stream_name=${encodeURIComponent(start)}`}`;
      const result = await this.#get(target, `/v2/${target.projectId}/streams${query}`, context, budget);
      const body = parseJsonResponse(result, ListStreamsResponseSchema, context);
      const page = toStreamNames(body, { context, result, secrets: this.#secrets(true) });
      names.push(...page);
      if (!body.has_more_streams) return names;
      const last = page[page.length - 1];
      if (last === undefined || last === start) {
        throw new DisResponseError(
          'ListStreams said more streams follow but returned no new name: report this with the request id',
          {
            ...context,
            httpStatus: result.response.status,
            reason: 'PAGING_STALLED',
            requestId: result.requestId,
          },
        );
      }
      start = last;
    }
    throw new DisResponseError(`ListStreams did not finish within ${MAX_STREAM_PAGES} pages`, {
      ...context,
      httpStatus: 200,
      reason: 'PAGING_STALLED',
    });
  }

  async #resolveTarget(budget: CallBudget): Promise<DisTarget> {
    const env = this.#env;
    const region = resolveRegion(this.#options.region, env);
    if (region === undefined) {
      throw new DisConfigError(
        `no region given: set the region option, ${SETTING_VARIABLES.region.join(' or ')}`,
        { field: 'region', rule: 'a region id such as "cn-north-4"' },
      );
    }
    const insecure = this.#options.allowInsecureHttp ?? false;
    const endpoint = resolveDisEndpoint(this.#options.endpoint, region, env, insecure);
    const given = resolveProjectId(this.#options.projectId, env);
    if (given !== undefined) return { region, projectId: given, endpoint };
    const credentials = this.#resolveCredentials();
    if (credentials.kind === 'password') {
      const token = await this.#passwordToken(credentials, region, undefined, budget);
      if (token.projectId)
        return { region, projectId: checkProjectId(token.projectId, 'IAM token project'), endpoint };
    }
    const iamEndpoint = this.#iamEndpoint(region);
    const projectId = await findProjectId(
      iamEndpoint,
      region,
      async (url) => this.#headers(await this.#requestAuth(region, undefined, budget), 'GET', url),
      { source: credentials.source, kind: credentials.kind },
      {
        ...this.#settings,
        budget,
        ...(iamEndpoint === defaultIamEndpoint(region, env.HW_CLOUD) ? { hostFromRegion: region } : {}),
      },
    );
    return { region, projectId: checkProjectId(projectId, 'IAM project id'), endpoint };
  }

  #iamEndpoint(region: string): string {
    return resolveIamEndpoint(
      this.#options.iamEndpoint,
      region,
      this.#env,
      this.#options.allowInsecureHttp ?? false,
    );
  }

  #resolveCredentials(): ResolvedCredentials {
    this.#credentials ??= resolveCredentials(this.#options.credentials, this.#env);
    return this.#credentials;
  }

  async #passwordToken(
    credentials: Extract<ResolvedCredentials, { kind: 'password' }>,
    region: string,
    projectId: string | undefined,
    budget: CallBudget,
  ): Promise<IamToken> {
    const now = this.#settings.now();
    if (!this.#token || this.#token.expiresAt - TOKEN_REFRESH_MARGIN_MS <= now) {
      const iamEndpoint = this.#iamEndpoint(region);
      this.#token = await requestToken(iamEndpoint, credentials, region, projectId, {
        ...this.#settings,
        budget,
        userAgent: this.#userAgent,
        ...(iamEndpoint === defaultIamEndpoint(region, this.#env.HW_CLOUD) ? { hostFromRegion: region } : {}),
      });
    }
    return this.#token;
  }

  async #requestAuth(
    region: string,
    projectId: string | undefined,
    budget: CallBudget,
  ): Promise<RequestAuth> {
    const credentials = this.#resolveCredentials();
    if (credentials.kind === 'password') {
      const token = await this.#passwordToken(credentials, region, projectId, budget);
      return { kind: 'token', token: token.token };
    }
    return credentials;
  }

  #headers(auth: RequestAuth, method: string, url: URL, projectId?: string): Record<string, string> {
    return authHeaders({
      auth,
      method,
      url,
      projectId,
      contentType: 'application/json',
      userAgent: this.#userAgent,
      date: this.#now(),
    });
  }

  async #get(
    target: DisTarget,
    path: string,
    context: Record<string, unknown>,
    budget: CallBudget,
  ): Promise<ExchangeResult> {
    const credentials = this.#resolveCredentials();
    const url = new URL(`${target.endpoint}${path}`);
    const fromRegion = target.endpoint === defaultDisEndpoint(target.region, this.#env.HW_CLOUD);
    return exchange({
      ...this.#settings,
      method: 'GET',
      url,
      context,
      budget,
      credentialSource: credentials.source,
      credentialKind: credentials.kind,
      ...(fromRegion ? { hostFromRegion: target.region } : {}),
      headersFor: async () =>
        this.#headers(
          await this.#requestAuth(target.region, target.projectId, budget),
          'GET',
          url,
          target.projectId,
        ),
    });
  }
}
