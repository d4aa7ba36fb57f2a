/** Where the data of a {@link TransferTasksSnapshot} came from. */
export enum SnapshotSource {
  /** Fetched from the DIS API (or an emulator) during this synth. */
  API = 'api',
  /** Read from the context cache file (`cdktf.context.json` by default). */
  CACHE = 'cache',
  /** Given through cdktf context (App context or the `context` of `cdktf.json`). */
  CONTEXT = 'context',
}
