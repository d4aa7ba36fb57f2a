import type { TransferTask } from './transfer-task';

/** The result of `DisClient.showTransferTask`: the list fields plus the task's details. */
export interface TransferTaskDetails extends TransferTask {
  /** The stream the task belongs to. */
  readonly streamName: string;
  /**
   * The destination description as the service sent it (snake_case), read from whichever
   * spelling the service used (`obs_destination_description`, `dws_destination_descripton`, …).
   */
  readonly destinationDescription?: Record<string, unknown>;
  /** The per-partition progress records, as sent (their shape differs between sources). */
  readonly partitions: Record<string, unknown>[];
  /** The `X-Request-Id` of the response. */
  readonly requestId?: string;
  /** Unknown state or destination type values, as for the list. */
  readonly warnings: string[];
}
