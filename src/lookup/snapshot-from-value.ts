import type { TransferTasksContextValue } from './context-entry';
import type { SnapshotSource } from './snapshot-source';
import type { TransferTasksSnapshot } from './transfer-tasks-snapshot';

/** Where a recorded value belongs and where this synth got it from. */
export interface SnapshotOrigin {
  readonly streamName: string;
  readonly projectId: string;
  readonly region: string;
  readonly source: SnapshotSource;
}

/** The snapshot a lookup exposes: the recorded value plus its origin. Every source goes through here. */
export function snapshotFromValue(
  value: TransferTasksContextValue,
  origin: SnapshotOrigin,
): TransferTasksSnapshot {
  return {
    streamName: origin.streamName,
    projectId: origin.projectId,
    region: origin.region,
    tasks: value.tasks,
    totalNumber: value.totalNumber,
    ...(value.quota !== undefined ? { quota: value.quota } : {}),
    fetchedAt: value.fetchedAt,
    source: origin.source,
    warnings: value.warnings,
  };
}
