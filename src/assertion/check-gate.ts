import type { ListTransferTasksResult } from '../client/model';
import { evaluateGate } from './evaluate-gate';
import type { GateFile } from './gate-file';
import type { GateReport } from './gate-report';
import type { GateSnapshot } from './rule-context';

/** The part of `DisClient` a live gate check uses. */
export interface GateClient {
  /** Lists a stream's transfer tasks. */
  listTransferTasks(streamName: string): Promise<ListTransferTasksResult>;
  /** Lists the project's streams. */
  listStreams(): Promise<string[]>;
}

/**
 * Fetches the gate file's streams through `client`, one request per stream, and evaluates the
 * rules against what it fetched, lag measured from `now`. Errors of the client propagate.
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
    const result = await client.listTransferTasks(streamName);
    snapshots.push({
      streamName,
      projectId: target.projectId,
      region: target.region,
      tasks: result.tasks,
      fetchedAt,
      source: 'api',
    });
  }
  return evaluateGate(snapshots, gateFile.rules, now);
}
