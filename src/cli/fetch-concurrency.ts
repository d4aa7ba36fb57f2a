/**
 * How many DIS requests `list` and `context refresh` keep in flight: a handful, well under the
 * per-user request limits of the API gateway, enough to hide latency for a project's streams.
 */
export const FETCH_CONCURRENCY = 4;
