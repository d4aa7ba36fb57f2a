/**
 * Where successful lookups are recorded between synths (the committed `cdktf.context.json` by
 * default). Implementations are synchronous because constructs are.
 */
export interface IContextStore {
  /** Every entry of the store; an absent store reads as empty. */
  read(): Record<string, unknown>;
  /** One entry, or `undefined` when the store has none under `key`. */
  get(key: string): unknown;
  /**
   * Merges `entries` into the store; an entry whose value is `undefined` is removed. Other entries,
   * including ones written concurrently by other processes, are kept.
   */
  update(entries: Record<string, unknown>): void;
}
