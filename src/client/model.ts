// The domain model of a DIS transfer (dump) task, as the client hands it to the rest of the package.
// The wire form (snake_case) is in the response schemas; the client converts it into these types.

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

/**
 * Destinations a DIS transfer task can dump to. `CLOUDTABLE` appears only in older documents
 * and SDKs; the 2025 documents list `OBS` alone. Unknown values pass through as strings.
 */
export enum DestinationType {
  /** Object Storage Service. */
  OBS = 'OBS',
  /** MapReduce Service. */
  MRS = 'MRS',
  /** Data Lake Insight. */
  DLI = 'DLI',
  /** Data Warehouse Service. */
  DWS = 'DWS',
  /** CloudTable (older documents only). */
  CLOUDTABLE = 'CLOUDTABLE',
}

/** True when `value` is one of the documented {@link TransferTaskState} values. */
export function isKnownTransferTaskState(value: string): value is TransferTaskState {
  return (Object.values(TransferTaskState) as string[]).includes(value);
}

/** True when `value` is one of the documented {@link DestinationType} values. */
export function isKnownDestinationType(value: string): value is DestinationType {
  return (Object.values(DestinationType) as string[]).includes(value);
}

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

/** The result of `DisClient.showTransferTask`: the list fields plus the task's details. */
export interface TransferTaskDetails extends TransferTask {
  /** The stream the task belongs to. */
  readonly streamName: string;
  /** The stream's id, when the service sends it (the official example does; no SDK model has it). */
  readonly streamId?: string;
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
