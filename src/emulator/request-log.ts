import type { RequestLogEntry } from './request-log-entry';

/**
 * The emulator's request log: numbered entries, oldest first, holding at most `capacity` of them
 * so that a long-running emulator does not grow without bound (the oldest go first; numbering
 * continues).
 */
export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private count = 0;

  public constructor(private readonly capacity: number) {}

  /** Appends an entry, numbering it. */
  public add(entry: Omit<RequestLogEntry, 'seq'>): void {
    this.count++;
    this.entries.push({ seq: this.count, ...entry });
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  /** A copy of the entries kept. */
  public list(): RequestLogEntry[] {
    return [...this.entries];
  }

  /** Empties the log and restarts numbering at 1. */
  public clear(): void {
    this.entries = [];
    this.count = 0;
  }
}
