// The gate against the live DIS API: what `dis-transfer-tasks check` and `apply` enforcement run.
// Not imported by the construct, so that synth never loads the client's HTTP stack.
import { DisClient } from '../client/dis-client';
import type { DisApiError } from '../client/errors';
import type { ListTransferTasksResult } from '../client/model';
import { STREAM_NOT_FOUND } from '../client/service-failures';
import { evaluateGate, type GateSnapshot } from './evaluate-gate';
import type { GateFile } from './gate-file';
import type { GateReport } from './gate-report';

/** Options of {@link checkGateLive}. */
export interface CheckGateLiveOptions {
  /**
   * Where credentials and other `HW_*` settings are read from; the gate file never holds them.
   * @default process.env
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * The evaluation time, epoch ms: the fetch time of every snapshot (lag) and the acknowledgement clock.
   * @default Date.now()
   */
  readonly now?: number;
}

/**
 * Checks a gate file against the live DIS API: what `dis-transfer-tasks check --gate-file` and
 * `Enforcement.APPLY` run. The client is built from the gate file's region, project id and
 * endpoint; credentials come only from `env`. Client errors (`DisApiError`, `DisAuthError`,
 * `DisNetworkError`, `DisConfigError`, …) propagate unchanged.
 */
export async function checkGateLive(
  gateFile: GateFile,
  options: CheckGateLiveOptions = {},
): Promise<GateReport> {
  const { target } = gateFile;
  const client = new DisClient({
    region: target.region,
    projectId: target.projectId,
    ...(target.endpoint === undefined ? {} : { endpoint: target.endpoint }),
    ...(options.env === undefined ? {} : { env: options.env }),
  });
  return checkGate(gateFile, client, options.now ?? Date.now());
}

/** The part of `DisClient` a live gate check uses. */
export interface GateClient {
  /** Lists a stream's transfer tasks. */
  listTransferTasks(streamName: string): Promise<ListTransferTasksResult>;
  /** Lists the project's streams. */
  listStreams(): Promise<string[]>;
}

/**
 * Fetches the gate file's streams through `client`, one request per stream, and evaluates the
 * rules against what it fetched, lag measured from `now`. Errors of the client propagate, except
 * a stream that does not exist when the target allows it (`mustExist: false`).
 */
export async function checkGate(
  gateFile: GateFile,
  client: GateClient,
  now: number = Date.now(),
): Promise<GateReport> {
  const { target } = gateFile;
  const streams =
    target.allStreams === true ? [...(await client.listStreams())].sort() : [...(target.streams ?? [])];
  const fetchedAt = new Date(now).toISOString();
  const snapshots: GateSnapshot[] = [];
  for (const streamName of streams) {
    const snapshot = {
      streamName,
      projectId: target.projectId,
      region: target.region,
      fetchedAt,
      source: 'api',
    };
    try {
      const result = await client.listTransferTasks(streamName);
      snapshots.push({ ...snapshot, tasks: result.tasks });
    } catch (e) {
      // A stream the stack creates may not exist yet: a finding (DIS-STREAM-ABSENT), not a failure.
      if (target.mustExist !== false || (e as DisApiError).serviceCode !== STREAM_NOT_FOUND) throw e;
      snapshots.push({ ...snapshot, tasks: [], streamExists: false });
    }
  }
  return evaluateGate(snapshots, gateFile.rules, now);
}
