// The lookup worker: runs inside the one synckit worker thread of a synth process. It builds a
// DisClient from plain options (the environment passed explicitly), calls it, and answers with plain
// data or an error's toJSON() form. Not exported from the package entry point.
import { threadId } from 'node:worker_threads';
import { runAsWorker } from 'synckit';
import { DisClient } from '../client/dis-client';
import { DisApiError, DisError, type DisErrorJson } from '../client/errors';
import { STREAM_NOT_FOUND } from '../client/service-failures';
import { DisBridgeError } from './errors';
import type { BridgeClientOptions, BridgeRequest, BridgeResponse, ListProjectAnswer } from './sync-bridge';
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

runAsWorker(async (request: BridgeRequest): Promise<BridgeResponse<unknown>> => {
  try {
    return { threadId, ok: true, value: await handle(request) };
  } catch (e) {
    return { threadId, ok: false, error: toJson(e) };
  }
});
