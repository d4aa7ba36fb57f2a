/**
 * States a DIS transfer (dump) task can be in, as documented for ListTransferTasks.
 *
 * The service's documents disagree with each other, so a value outside this list is passed
 * through as its string and reported as a warning rather than rejected.
 */
export enum TransferTaskState {
  /** The task failed. */
  ERROR = 'ERROR',
  /** The task is being started. */
  STARTING = 'STARTING',
  /** The task was stopped (batch stop action). */
  PAUSED = 'PAUSED',
  /** The task is dumping data. */
  RUNNING = 'RUNNING',
  /** The task was deleted. */
  DELETE = 'DELETE',
  /** The task is in an abnormal state. */
  ABNORMAL = 'ABNORMAL',
}

/** True when `value` is one of the documented {@link TransferTaskState} values. */
export function isKnownTransferTaskState(value: string): value is TransferTaskState {
  return (Object.values(TransferTaskState) as string[]).includes(value);
}
