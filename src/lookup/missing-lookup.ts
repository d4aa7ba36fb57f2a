/** One lookup that found no recorded value in offline mode. */
export interface MissingLookup {
  /** The context key that has no value. */
  readonly key: string;
  /** The path of the construct that needed it. */
  readonly constructPath: string;
  /** The stream, or `*` for a project's stream list. */
  readonly streamName: string;
  /** The project id. */
  readonly projectId: string;
  /** The region. */
  readonly region: string;
  /** Where offline mode was chosen (see `ResolvedLookupMode.from`), so the fix can say what to change. */
  readonly modeFrom: 'prop' | 'context' | 'env' | 'default';
}
