import type { RequestLogEntry } from './request-log-entry';

/**
 * The emulator's request log: numbered entries, oldest first, holding at most `capacity` of them
 * so that a long-running emulator does not grow without bound (the oldest go first; numbering
 * continues).
 */
export class RequestLog {
  // A ring buffer: once full, the newest entry overwrites the oldest at `head`.
  private entries: RequestLogEntry[] = [];
  private head = 0;
  private count = 0;

  public constructor(private readonly capacity: number) {}

  /** Appends an entry, numbering it. */
  public add(entry: Omit<RequestLogEntry, 'seq'>): void {
    this.count++;
    const numbered = { seq: this.count, ...entry };
    if (this.entries.length < this.capacity) {
      this.entries.push(numbered);
    } else {
      this.entries[this.head] = numbered;
      this.head = (this.head + 1) % this.capacity;
    }
  }

  /** A copy of the entries kept, oldest first. */
  public list(): RequestLogEntry[] {
    return [...this.entries.slice(this.head), ...this.entries.slice(0, this.head)];
  }

  /** Empties the log and restarts numbering at 1. */
  public clear(): void {
    this.entries = [];
    this.head = 0;
    this.count = 0;
  }
}
