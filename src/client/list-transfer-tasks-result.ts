import type { TransferTask } from './transfer-task';

/** The result of `DisClient.listTransferTasks`. */
export interface ListTransferTasksResult {
  /** `total_number` as the service reported it. */
  readonly totalNumber: number;
  /** How many more transfer tasks the stream can hold, when the service reports it. */
  readonly quota?: number;
  /** The stream's transfer tasks, in the order the service returned them. */
  readonly tasks: TransferTask[];
  /** The `X-Request-Id` of the response that carried the list. */
  readonly requestId?: string;
  /**
   * Things the response said that a caller should know about but that did not stop the call:
   * unknown states or destination types, a `total_number` that disagrees with the list.
   */
  readonly warnings: string[];
}
