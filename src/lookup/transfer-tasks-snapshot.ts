import type { TransferTask } from '../client/model';

/**
 * The transfer tasks of one DIS stream as a lookup saw them: real data, never a placeholder.
 * Tasks are ordered by `taskName` so that everything derived from a snapshot is stable.
 */
export interface TransferTasksSnapshot {
  /** The stream the tasks belong to. */
  readonly streamName: string;
  /** The project (id) the stream belongs to. */
  readonly projectId: string;
  /** The region of the project, for example `cn-north-4`. */
  readonly region: string;
  /** The stream's transfer tasks, ordered by `taskName`. */
  readonly tasks: TransferTask[];
  /** `total_number` as the service reported it. */
  readonly totalNumber: number;
  /** How many more tasks the stream can hold, when the service reported it. */
  readonly quota?: number;
  /** When the data was fetched from the service, ISO-8601 (UTC). */
  readonly fetchedAt: string;
  /** Where this synth got the data from: `api`, `cache` or `context` (a {@link SnapshotSource} value). */
  readonly source: string;
  /** What the client flagged without failing (unknown states, a count that disagrees with the list). */
  readonly warnings: string[];
}
