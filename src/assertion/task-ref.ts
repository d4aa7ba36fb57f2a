/**
 * True when a task reference (`task-name`, `stream/task-name`, or `*` when `wildcard` is allowed)
 * names the task `taskName` of stream `streamName`.
 */
export function matchesTaskRef(ref: string, streamName: string, taskName: string, wildcard = false): boolean {
  if (wildcard && ref === '*') return true;
  return ref === taskName || ref === `${streamName}/${taskName}`;
}

/**
 * A set of task references for constant-time matching: `has(stream, task)` is true when a
 * reference names the task by name or by `stream/name`.
 */
export class TaskRefSet {
  private readonly refs: ReadonlySet<string>;

  public constructor(refs: Iterable<string>) {
    this.refs = new Set(refs);
  }

  /** True when a reference in the set names task `taskName` of stream `streamName`. */
  public has(streamName: string, taskName: string): boolean {
    return this.refs.has(taskName) || this.refs.has(`${streamName}/${taskName}`);
  }
}
