// The sync bridge: constructs are synchronous, the client is not. A lookup that needs DIS sends a
// plain request to one worker thread per process (synckit; the worker is lookup-worker.ts) and
// blocks until it answers. This file holds both sides' protocol and the calling side.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CLIENT_ERRORS, reviveDisError, type DisErrorJson } from '../client/errors';
import type { ListTransferTasksResult } from '../client/model';
import { DisBridgeError, DisLookupConfigError, LOOKUP_ERRORS } from './errors';

/** The environment variable holding the bridge's hard timeout, in milliseconds. */
export const BRIDGE_TIMEOUT_ENV_VAR = 'DIS_LOOKUP_TIMEOUT_MS';
/** The hard timeout of one bridge call when `DIS_LOOKUP_TIMEOUT_MS` is not set. */
export const DEFAULT_BRIDGE_TIMEOUT_MS = 60_000;

// ---------------------------------------------------------------------------------------------
// The protocol: what crosses the worker boundary, structured-cloned (plain data only).

/**
 * Plain, structured-clonable client options sent to the lookup worker. The environment is passed
 * explicitly so that the worker reads exactly what the synth process sees.
 */
export interface BridgeClientOptions {
  readonly region?: string;
  readonly projectId?: string;
  readonly endpoint?: string;
  readonly credentials?: Readonly<Record<string, string | undefined>>;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The client's deadline for one call, retries included. */
  readonly deadlineMs: number;
  /** How the deadline error names the setting to raise (the lookup's prop). */
  readonly deadlineHint: string;
}

/**
 * One request to the worker, as a lookup builds it; the bridge adds the flag it sets when it stops
 * waiting ({@link WorkerRequest}).
 */
export type BridgeRequest =
  | { readonly op: 'resolveTarget'; readonly client: BridgeClientOptions }
  | {
      readonly op: 'listTransferTasks';
      readonly client: BridgeClientOptions;
      readonly streamName: string;
      /** False: a stream that does not exist is an answer without `result`, not an error. */
      readonly mustExist: boolean;
    }
  | { readonly op: 'listProject'; readonly client: BridgeClientOptions; readonly concurrency: number };

/**
 * What crosses to the worker: the request, and a shared flag the bridge sets to 1 when it gives up
 * on the call; the worker sets it to 2 when it has ended the call.
 */
export type WorkerRequest = BridgeRequest & { readonly abort: Int32Array };

/** Where the client sent (or would send) its requests. */
export interface BridgeTarget {
  readonly region: string;
  readonly projectId: string;
  readonly endpoint: string;
}

/** The answer to `resolveTarget`. */
export interface ResolveTargetAnswer {
  readonly target: BridgeTarget;
}

/** The answer to `listTransferTasks`: without `result` when the stream does not exist (`mustExist: false`). */
export interface ListTransferTasksAnswer {
  readonly target: BridgeTarget;
  readonly result?: ListTransferTasksResult;
}

/** The answer to `listProject`: every stream of the project with its tasks, sorted by stream name. */
export interface ListProjectAnswer {
  readonly target: BridgeTarget;
  readonly streams: ReadonlyArray<{ readonly streamName: string; readonly result: ListTransferTasksResult }>;
}

/** What the worker sends back: a value, or an error in its `toJSON()` form (never thrown across). */
export type BridgeResponse<T> = { readonly threadId: number } & (
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DisErrorJson }
);

// ---------------------------------------------------------------------------------------------
// The bridge

/** Every coded error that can come back from the worker: the client's, and the lookup's own. */
const REVIVABLE = [...CLIENT_ERRORS, ...LOOKUP_ERRORS];

type WorkerFn = (request: WorkerRequest) => Promise<BridgeResponse<unknown>>;

let bridge: { call: (request: WorkerRequest) => BridgeResponse<unknown>; timeoutMs: number } | undefined;
let lastThreadId: number | undefined;

/** The thread id of the worker that answered the last bridge call (diagnostics and tests). */
export function lookupWorkerThreadId(): number | undefined {
  return lastThreadId;
}

/**
 * The lookup worker's file. From the built package it sits next to this file. Under jest (or any
 * runner that loads this module from `src/*.ts`) it is the built `lib/lookup/lookup-worker.js`: the
 * worker runs plain JavaScript on purpose, so no TypeScript runner has to start inside it, and
 * `npm test` builds `lib/` first.
 */
export function lookupWorkerPath(): string {
  const beside = join(__dirname, 'lookup-worker.js');
  if (!__filename.endsWith('.ts')) return beside;
  const built = resolve(__dirname, '..', '..', 'lib', 'lookup', 'lookup-worker.js');
  if (!existsSync(built)) {
    throw new DisBridgeError(
      `The lookup worker ${built} does not exist. It runs from the built package even when the ` +
        'lookup is loaded from TypeScript sources: run `npm run build` first (npm test does).',
      { worker: built },
    );
  }
  return built;
}

/** The hard timeout of one bridge call: `DIS_LOOKUP_TIMEOUT_MS`, else 60 s. Read once per process. */
export function bridgeTimeoutMs(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env[BRIDGE_TIMEOUT_ENV_VAR];
  if (raw === undefined || raw.trim() === '') return DEFAULT_BRIDGE_TIMEOUT_MS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new DisLookupConfigError(
      `${BRIDGE_TIMEOUT_ENV_VAR}=${JSON.stringify(raw)} is not a positive whole number of milliseconds. ` +
        `Unset it (default ${DEFAULT_BRIDGE_TIMEOUT_MS}) or set, for example, ${BRIDGE_TIMEOUT_ENV_VAR}=90000.`,
    );
  }
  return value;
}

/**
 * Sends `request` to the process's one lookup worker (started on first use, reused after, unref'd so
 * that it never keeps the process alive) and blocks until it answers or the hard timeout passes.
 * A coded error from the client comes back as a `DisError` with the same name, code and details.
 * After a hard timeout the call is abandoned: the worker sees the flag and ends itself (sending no
 * more requests), and the next call starts a fresh one.
 */
export function callBridge<T>(request: BridgeRequest): T {
  const timeoutMs = bridge?.timeoutMs ?? bridgeTimeoutMs();
  if (request.client.deadlineMs > timeoutMs) {
    throw new DisLookupConfigError(
      `A lookup timeout of ${request.client.deadlineMs} ms exceeds the bridge's hard timeout of ${timeoutMs} ms. ` +
        `Lower timeoutMs, or raise ${BRIDGE_TIMEOUT_ENV_VAR}.`,
    );
  }
  if (!bridge) {
    // Loaded on first use: an app served from the cache never pays for synckit. A worker of our own
    // (synckit's createSyncFn keeps one per file for good): an abandoned one is replaced.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startWorkerThread } = require('synckit') as typeof import('synckit');
    bridge = { call: startWorkerThread<WorkerFn>(lookupWorkerPath(), { timeout: timeoutMs }), timeoutMs };
  }
  const abort = new Int32Array(new SharedArrayBuffer(4));
  let response: BridgeResponse<unknown>;
  try {
    response = bridge.call({ ...request, abort });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (message.includes('timed-out')) {
      Atomics.store(abort, 0, 1);
      const { timeoutMs: waited } = bridge;
      bridge = undefined;
      throw new DisBridgeError(
        `The lookup worker did not answer within the hard timeout of ${waited} ms, and the call was ` +
          `abandoned. Check that the DIS endpoint is reachable, or raise ${BRIDGE_TIMEOUT_ENV_VAR}.`,
        { timeoutMs: waited },
        e,
      );
    }
    throw new DisBridgeError(`The lookup worker failed: ${message}`, {}, e);
  }
  lastThreadId = response.threadId;
  if (!response.ok) throw reviveDisError(response.error, REVIVABLE);
  return response.value as T;
}
