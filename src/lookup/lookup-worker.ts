// The lookup worker: runs inside the one synckit worker thread of a synth process. It builds a
// DisClient from plain options (the environment passed explicitly), calls it, and answers with plain
// data, every string masked for the credentials it was given, or an error's toJSON() form. When the
// caller gave up on a call (the bridge's hard timeout), the worker ends itself, so that the
// abandoned call sends no more requests. Not exported from the package entry point.
import { threadId } from 'node:worker_threads';
import { runAsWorker } from 'synckit';
import { DisClient } from '../client/dis-client';
import { DisApiError, DisError, maskValue, secretsFromEnv, type DisErrorJson } from '../client/errors';
import { STREAM_NOT_FOUND } from '../client/service-failures';
import { DisBridgeError } from './errors';
import type {
  BridgeClientOptions,
  BridgeRequest,
  BridgeResponse,
  ListProjectAnswer,
  WorkerRequest,
} from './sync-bridge';
import { mapWithConcurrency } from './map-with-concurrency';

/** Clients are kept per option set so that keep-alive connections are reused across lookups. */
const clients = new Map<string, DisClient>();

function clientFor(options: BridgeClientOptions): DisClient {
  const id = JSON.stringify(options);
  let client = clients.get(id);
  if (!client) {
    client = new DisClient({
      region: options.region,
      projectId: options.projectId,
      endpoint: options.endpoint,
      credentials: options.credentials,
      env: options.env,
      deadlineMs: options.deadlineMs,
      deadlineHint: options.deadlineHint,
    });
    if (clients.size > 32) clients.clear();
    clients.set(id, client);
  }
  return client;
}

async function handle(request: BridgeRequest): Promise<unknown> {
  const client = clientFor(request.client);
  const target = await client.resolveTarget();
  switch (request.op) {
    case 'resolveTarget':
      return { target };
    case 'listTransferTasks':
      try {
        return { target, result: await client.listTransferTasks(request.streamName) };
      } catch (e) {
        if (request.mustExist || !isStreamNotFound(e)) throw e;
        return { target };
      }
    case 'listProject': {
      const names = [...(await client.listStreams())].sort();
      const results = await mapWithConcurrency(names, request.concurrency, (s) =>
        client.listTransferTasks(s),
      );
      const answer: ListProjectAnswer = {
        target,
        streams: names.map((streamName, i) => ({ streamName, result: results[i] })),
      };
      return answer;
    }
  }
}

/** The service's answer for a stream the project does not hold. */
function isStreamNotFound(e: unknown): boolean {
  return DisError.isDisError(e) && e.code === DisApiError.CODE && e.details.serviceCode === STREAM_NOT_FOUND;
}

function toJson(e: unknown): DisErrorJson {
  if (DisError.isDisError(e)) return e.toJSON();
  const message = e instanceof Error ? e.message : String(e);
  return new DisBridgeError(`The lookup worker failed unexpectedly: ${message}`).toJSON();
}

/** Every secret the client of `options` may hold: masked in what goes back (the cache, the snapshot). */
function secretsOf(options: BridgeClientOptions): string[] {
  const given = Object.values(options.credentials ?? {}).filter((v): v is string => typeof v === 'string');
  return [...secretsFromEnv(options.env), ...given];
}

/** How often a running call looks whether its caller gave up on it. */
const ABORT_POLL_MS = 20;

/**
 * Ends this worker thread (closing its connections: nothing more is sent) once `abort` is set to 1,
 * which the bridge does when it stops waiting, after setting it to 2 (the call is over); returns the
 * function that stops watching.
 */
function endWhenAbandoned(abort: Int32Array): () => void {
  const check = (): void => {
    if (Atomics.load(abort, 0) === 0) return;
    Atomics.store(abort, 0, 2);
    Atomics.notify(abort, 0);
    process.exit(0);
  };
  check();
  const timer = setInterval(check, ABORT_POLL_MS);
  timer.unref();
  return () => clearInterval(timer);
}

runAsWorker(async (request: WorkerRequest): Promise<BridgeResponse<unknown>> => {
  const stopWatching = endWhenAbandoned(request.abort);
  try {
    return { threadId, ok: true, value: maskValue(await handle(request), secretsOf(request.client)) };
  } catch (e) {
    return { threadId, ok: false, error: toJson(e) };
  } finally {
    stopWatching();
  }
});
