import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { applyFault } from './apply-fault';
import { authenticate } from './auth/authenticate';
import { KeyLockout } from './auth/key-lockout';
import type { EmulatorFault } from './emulator-fault';
import type { EmulatorHandle } from './emulator-handle';
import { EmulatorState } from './emulator-state';
import type { EmulatorTaskInput } from './emulator-task';
import { FaultInjector } from './fault-injector';
import { adminAction } from './handlers/admin-action';
import { batchTransferTaskAction } from './handlers/batch-transfer-task-action';
import type { Handler } from './handlers/handler-context';
import { keystoneCreateToken } from './handlers/keystone-create-token';
import { keystoneListProjects } from './handlers/keystone-list-projects';
import { listStreams } from './handlers/list-streams';
import { listTransferTasks } from './handlers/list-transfer-tasks';
import { showTransferTask } from './handlers/show-transfer-task';
import { disError, gatewayError, send, type EmulatorResponse } from './http-response';
import type { CredentialKind, RequestLogEntry } from './request-log-entry';
import { resolveScenario } from './resolve-scenario';
import type { RouteId } from './route-id';
import { matchRoute } from './router';
import type { Scenario, ScenarioInput } from './scenario';

/** Options of {@link DisEmulator.start}. */
export interface DisEmulatorOptions {
  /**
   * The world to serve: a scenario file path, a scenario object, or nothing for the shipped demo.
   * @default the shipped `scenarios/demo.json`
   */
  readonly scenario?: string | ScenarioInput | Scenario;
  /**
   * TCP port; 0 picks a free one.
   * @default 0
   */
  readonly port?: number;
  /**
   * Interface to bind. Anything but loopback exposes the scenario's credentials to the network.
   * @default '127.0.0.1'
   */
  readonly host?: string;
  /**
   * Serve the `/_emulator/*` admin routes (state changes, faults, request log over HTTP).
   * Off, they answer 404 like any unknown route.
   * @default false
   */
  readonly admin?: boolean;
  /**
   * Faults armed from the start.
   * @default none
   */
  readonly faults?: readonly EmulatorFault[];
  /**
   * The clock for token expiry, `X-Sdk-Date` skew, key locks and `now-…` times (epoch ms).
   * @default Date.now
   */
  readonly clock?: () => number;
}

/** Largest request body read, bytes; AK/SK-signed bodies are limited to 12 MB by the gateway. */
const MAX_BODY_BYTES = 12 * 1024 * 1024;

const HANDLERS: Readonly<Record<Exclude<RouteId, 'Admin'>, Handler>> = {
  ListTransferTasks: listTransferTasks,
  ShowTransferTask: showTransferTask,
  BatchTransferTaskAction: batchTransferTaskAction,
  ListStreams: listStreams,
  KeystoneListProjects: keystoneListProjects,
  KeystoneCreateUserTokenByPassword: keystoneCreateToken,
};

/** Routes that need no credential: the token request carries a password in its body. */
const PUBLIC_ROUTES: ReadonlySet<RouteId> = new Set(['KeystoneCreateUserTokenByPassword', 'Admin']);

/**
 * A local Huawei Cloud DIS + IAM endpoint that answers the way the real service does: the
 * transfer-task and stream APIs, IAM project lookup and password tokens, token and AK/SK
 * authentication checked for real, the service's error shapes, fault injection and a request log.
 *
 * ```ts
 * const emu = await DisEmulator.start({ scenario: 'scenarios/demo.json' });
 * // point a client at emu.url (HW_DIS_ENDPOINT) and `${emu.url}/v3` (HW_AUTH_URL)
 * await emu.stop();
 * ```
 *
 * It runs in the calling thread: a synth-time lookup blocks that thread, so for those use
 * {@link startEmulatorProcess}, which runs the same server in a child process.
 */
export class DisEmulator implements EmulatorHandle {
  /** Starts an emulator and resolves once it listens. */
  public static async start(options: DisEmulatorOptions = {}): Promise<DisEmulator> {
    const emulator = new DisEmulator(resolveScenario(options.scenario), options);
    await emulator.listen(options.port ?? 0, options.host ?? '127.0.0.1');
    return emulator;
  }

  /** The TCP port it listens on. */
  public port = 0;
  private readonly server: Server;
  private readonly state: EmulatorState;
  private readonly faults = new FaultInjector();
  private readonly lockout: KeyLockout;
  private readonly clock: () => number;
  private readonly admin: boolean;
  private log: RequestLogEntry[] = [];
  private host = '127.0.0.1';
  private stopped?: Promise<void>;

  private constructor(scenario: Scenario, options: DisEmulatorOptions) {
    this.clock = options.clock ?? Date.now;
    this.admin = options.admin ?? false;
    this.state = new EmulatorState(scenario, this.clock);
    this.lockout = new KeyLockout(this.clock);
    for (const f of options.faults ?? []) this.faults.inject(f);
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  /** Base URL, `http://127.0.0.1:<port>`. */
  public get url(): string {
    const host = this.host.includes(':') ? `[${this.host}]` : this.host;
    return `http://${host}:${this.port}`;
  }

  /** `HW_DIS_ENDPOINT` and `HW_AUTH_URL` for a client. */
  public get endpointEnv(): Readonly<Record<string, string>> {
    return { HW_DIS_ENDPOINT: this.url, HW_AUTH_URL: `${this.url}/v3` };
  }

  /** The request log, synchronously (a copy). */
  public get requests(): RequestLogEntry[] {
    return [...this.log];
  }

  public async requestLog(): Promise<RequestLogEntry[]> {
    return this.requests;
  }

  public async setTaskState(
    streamName: string,
    taskName: string,
    state: string,
    projectId?: string,
  ): Promise<void> {
    this.state.setTaskState(streamName, taskName, state, projectId);
  }

  public async addTask(streamName: string, task: EmulatorTaskInput, projectId?: string): Promise<void> {
    this.state.addTask(streamName, task, projectId);
  }

  public async removeTask(streamName: string, taskName: string, projectId?: string): Promise<void> {
    this.state.removeTask(streamName, taskName, projectId);
  }

  public async injectFault(fault: EmulatorFault): Promise<void> {
    this.faults.inject(fault);
  }

  public async clearFaults(): Promise<void> {
    this.faults.clear();
  }

  public async reset(): Promise<void> {
    this.state.reset();
    this.faults.clear();
    this.lockout.clear();
    this.log = [];
  }

  public stop(): Promise<void> {
    this.stopped ??= new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    return this.stopped;
  }

  private listen(port: number, host: string): Promise<void> {
    this.host = host;
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        this.port = (this.server.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const receivedAt = this.clock();
    const requestId = randomUUID().replace(/-/g, '');
    const [path, query = ''] = (req.url ?? '/').split('?', 2) as [string, string?];
    const method = req.method ?? 'GET';
    const match = matchRoute(method, path, this.admin);
    const route: RouteId | 'unknown' = match?.route ?? 'unknown';
    let kind: CredentialKind = req.headers['x-auth-token']
      ? 'token'
      : req.headers.authorization
        ? 'aksk'
        : 'none';
    const record = (status: number, fault?: string) =>
      this.log.push({
        seq: this.log.length + 1,
        method,
        path,
        route,
        status,
        credentialKind: kind,
        requestId,
        ...(fault ? { fault } : {}),
        receivedAt,
        durationMs: performance.now() - started,
      });
    try {
      const body = await readBody(req);
      const fault = this.faults.next(route);
      if (fault) {
        if (fault.latencyMs > 0) await delay(fault.latencyMs);
        const status = applyFault(fault, res, requestId);
        if (status !== undefined) return void record(status, fault.kind);
      }
      let response: EmulatorResponse;
      if (body === undefined) {
        response = disError('DIS.4200', `The request body exceeds ${MAX_BODY_BYTES} bytes.`);
      } else if (!match) {
        response = gatewayError('APIGW.0101');
      } else {
        if (route === 'KeystoneCreateUserTokenByPassword') kind = 'password';
        const ctx = {
          state: this.state,
          params: match.params,
          query: new URLSearchParams(query),
          body,
          now: this.clock(),
          baseUrl: this.url,
        };
        const r = match.route;
        if (r === 'Admin') {
          response = await adminAction(ctx, this);
        } else if (PUBLIC_ROUTES.has(r)) {
          response = HANDLERS[r](ctx);
        } else {
          const who = authenticate(
            { method, path, query, headers: req.headers, payload: body },
            this.state,
            this.lockout,
            ctx.now,
          );
          response = who.ok ? HANDLERS[r]({ ...ctx, grantedProjects: who.projects }) : who.response;
        }
      }
      send(res, requestId, response);
      record(response.status, fault?.kind);
    } catch (e) {
      if (!res.headersSent) send(res, requestId, disError('DIS.5000'));
      record(res.headersSent ? res.statusCode : 500);
      process.emitWarning(`DIS emulator: request ${requestId} failed: ${(e as Error).message}`);
    }
  }
}

const EMPTY = new Uint8Array(0);

/** Reads the body; `undefined` when it is larger than the gateway accepts. */
function readBody(req: IncomingMessage): Promise<Uint8Array | undefined> {
  if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) {
    req.resume();
    return Promise.resolve(EMPTY);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
