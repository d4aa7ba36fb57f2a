/** Where an error happened: the operation and the target. Never credentials. */
export interface DisErrorContext {
  /** The service operation, for example `ListTransferTasks`. */
  readonly operation?: string;
  /** The DIS stream the call was about. */
  readonly streamName?: string;
  /** The transfer task the call was about. */
  readonly taskName?: string;
  /** The project id used. */
  readonly projectId?: string;
  /** The region used. */
  readonly region?: string;
  /** How many attempts were made before giving up. */
  readonly attempts?: number;
  /** The `X-Request-Id` of the last response, for support tickets. */
  readonly requestId?: string;
  /** HTTP method and URL (URLs never hold credentials here). */
  readonly method?: string;
  /** The request URL without credentials. */
  readonly url?: string;
}
