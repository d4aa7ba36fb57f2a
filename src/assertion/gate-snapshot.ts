import type { TransferTask } from '../client/model';

/**
 * What the gate needs to know about one stream's transfer tasks. The lookup's
 * `TransferTasksSnapshot` has this shape (and more), and so does what the CLI builds from a live
 * `DisClient` call.
 */
export interface GateSnapshot {
  /** The stream the tasks belong to. */
  readonly streamName: string;
  /** The project the stream lives in. */
  readonly projectId: string;
  /** The region the stream lives in. */
  readonly region: string;
  /** The stream's transfer tasks. */
  readonly tasks: TransferTask[];
  /** When the tasks were fetched from the API, ISO-8601; lag is measured against it. */
  readonly fetchedAt: string;
  /** Where the snapshot came from (`api`, `cache`, `context`), when known. */
  readonly source?: string;
}
