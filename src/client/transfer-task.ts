/**
 * One transfer (dump) task of a DIS stream, normalized from the API's snake_case form.
 * Times are epoch milliseconds.
 */
export interface TransferTask {
  /** The task's name (unique within its stream). */
  readonly taskName: string;
  /** The task's id, needed by the batch start/stop action. Absent from some documents. */
  readonly taskId?: string;
  /** A {@link TransferTaskState} value, or an unknown value passed through as is. */
  readonly state: string;
  /** A {@link DestinationType} value, or an unknown value passed through as is. */
  readonly destinationType: string;
  /** When the task was created, epoch milliseconds. */
  readonly createTime: number;
  /** When the task last dumped data, epoch milliseconds. */
  readonly lastTransferTimestamp?: number;
}
