import type { DisErrorJson } from '../client/errors';
import type { ListTransferTasksResult } from '../client/model';

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
}

/** One request to the worker. */
export type BridgeRequest =
  | { readonly op: 'resolveTarget'; readonly client: BridgeClientOptions }
  | { readonly op: 'listTransferTasks'; readonly client: BridgeClientOptions; readonly streamName: string }
  | { readonly op: 'listProject'; readonly client: BridgeClientOptions; readonly concurrency: number };

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

/** The answer to `listTransferTasks`. */
export interface ListTransferTasksAnswer {
  readonly target: BridgeTarget;
  readonly result: ListTransferTasksResult;
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
