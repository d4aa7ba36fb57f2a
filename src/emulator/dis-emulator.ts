// The emulator as a program sees it: DisEmulator, the server in this process, and EmulatorHandle,
// the control surface it shares with the child-process emulator of ./process.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KeyLockout } from './auth';
import { EmulatorListenError } from './errors';
import { FaultInjector, type EmulatorFault } from './faults';
import { resolveScenario } from './load-scenario';
import type { Scenario, ScenarioInput } from './scenario';
import { RequestLog, serveRequest, type RequestLogEntry, type ServeDependencies } from './server';
import { EmulatorState, type EmulatorTaskInput } from './state';

/** Options of {@link DisEmulator.start}. */
export interface DisEmulatorOptions {
  /**
   * The world to serve: a shipped scenario's name (`demo`, `demo-paused`), a scenario file path,
   * or a scenario object.
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
   * How many request-log entries to keep; older ones are dropped (numbering continues).
   * @default 10000
   */
  readonly requestLogCapacity?: number;
  /**
   * The clock for token expiry, `X-Sdk-Date` skew, key locks and `now-…` times (epoch ms).
   * @default Date.now
   */
  readonly clock?: () => number;
}

/**
 * The control surface of a running emulator, the same whether it runs in this process
 * ({@link DisEmulator.start}) or in a child ({@link startEmulatorProcess}). Every method is async
 * so that both can implement it. `projectId` defaults to the scenario's first project.
 */
export interface EmulatorHandle {
  /** Base URL, `http://127.0.0.1:<port>`: DIS under `/v2`, IAM under `/v3`. */
  readonly url: string;
  /** Environment for a client: `HW_DIS_ENDPOINT` and `HW_AUTH_URL` pointing here. No credentials. */
  readonly endpointEnv: Readonly<Record<string, string>>;
  /** Every request answered since start or the last reset, oldest first. Never holds a secret. */
  requestLog(): Promise<RequestLogEntry[]>;
  /** Changes a task's state (any string; unknown states are served as they are). */
  setTaskState(streamName: string, taskName: string, state: string, projectId?: string): Promise<void>;
  /** Adds a task to a stream, within its quota of five. */
  addTask(streamName: string, task: EmulatorTaskInput, projectId?: string): Promise<void>;
  /** Removes a task from a stream. */
  removeTask(streamName: string, taskName: string, projectId?: string): Promise<void>;
  /** Arms a fault; its request counter starts now. */
  injectFault(fault: EmulatorFault): Promise<void>;
  /** Disarms every fault. */
  clearFaults(): Promise<void>;
  /** Back to the scenario as loaded: tasks, issued tokens, faults, key locks, request log. */
  reset(): Promise<void>;
  /** Closes the server (and ends the child process). Safe to call twice. */
  stop(): Promise<void>;
}

/** `HW_DIS_ENDPOINT` and `HW_AUTH_URL` for a client of the emulator at `url`: DIS at its root, IAM under `/v3`. */
export function endpointEnvOf(url: string): Readonly<Record<string, string>> {
  return { HW_DIS_ENDPOINT: url, HW_AUTH_URL: `${url}/v3` };
}

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

  private readonly server: Server;
  private readonly state: EmulatorState;
  private readonly faults: FaultInjector;
  private readonly lockout: KeyLockout;
  private readonly clock: () => number;
  private readonly admin: boolean;
  private readonly log: RequestLog;
  private host = '127.0.0.1';
  private boundPort = 0;
  private deps!: ServeDependencies;
  private stopped?: Promise<void>;

  private constructor(scenario: Scenario, options: DisEmulatorOptions) {
    this.clock = options.clock ?? Date.now;
    this.admin = options.admin ?? false;
    this.state = new EmulatorState(scenario, this.clock);
    this.faults = new FaultInjector();
    this.lockout = new KeyLockout(this.clock);
    this.log = new RequestLog(options.requestLogCapacity ?? 10_000);
    for (const f of options.faults ?? []) this.faults.inject(f);
    this.server = createServer((req, res) => void serveRequest(req, res, this.deps));
  }

  /** The TCP port it listens on. */
  public get port(): number {
    return this.boundPort;
  }

  /** Base URL, `http://127.0.0.1:<port>`. */
  public get url(): string {
    const host = this.host.includes(':') ? `[${this.host}]` : this.host;
    return `http://${host}:${this.boundPort}`;
  }

  /** `HW_DIS_ENDPOINT` and `HW_AUTH_URL` for a client. */
  public get endpointEnv(): Readonly<Record<string, string>> {
    return endpointEnvOf(this.url);
  }

  /** The request log, synchronously (a copy). */
  public get requests(): RequestLogEntry[] {
    return this.log.list();
  }

  /** {@inheritDoc EmulatorHandle.requestLog} */
  public async requestLog(): Promise<RequestLogEntry[]> {
    return this.requests;
  }

  /** {@inheritDoc EmulatorHandle.setTaskState} */
  public async setTaskState(
    streamName: string,
    taskName: string,
    state: string,
    projectId?: string,
  ): Promise<void> {
    this.state.setTaskState(streamName, taskName, state, projectId);
  }

  /** {@inheritDoc EmulatorHandle.addTask} */
  public async addTask(streamName: string, task: EmulatorTaskInput, projectId?: string): Promise<void> {
    this.state.addTask(streamName, task, projectId);
  }

  /** {@inheritDoc EmulatorHandle.removeTask} */
  public async removeTask(streamName: string, taskName: string, projectId?: string): Promise<void> {
    this.state.removeTask(streamName, taskName, projectId);
  }

  /** {@inheritDoc EmulatorHandle.injectFault} */
  public async injectFault(fault: EmulatorFault): Promise<void> {
    this.faults.inject(fault);
  }

  /** {@inheritDoc EmulatorHandle.clearFaults} */
  public async clearFaults(): Promise<void> {
    this.faults.clear();
  }

  /** {@inheritDoc EmulatorHandle.reset} */
  public async reset(): Promise<void> {
    this.state.reset();
    this.faults.clear();
    this.lockout.clear();
    this.log.clear();
  }

  /** {@inheritDoc EmulatorHandle.stop} */
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
      const refuse = (e: NodeJS.ErrnoException) => reject(new EmulatorListenError(host, port, e));
      this.server.once('error', refuse);
      this.server.listen(port, host, () => {
        this.server.off('error', refuse);
        this.boundPort = (this.server.address() as AddressInfo).port;
        this.deps = {
          state: this.state,
          faults: this.faults,
          lockout: this.lockout,
          clock: this.clock,
          baseUrl: this.url,
          admin: this.admin ? this : undefined,
          record: (entry) => this.log.add(entry),
        };
        resolve();
      });
    });
  }
}
