import type { IContextStore } from './context-store';

/** An {@link IContextStore} held in memory, for tests and for callers that manage persistence themselves. */
export class MemoryContextStore implements IContextStore {
  private entries: Record<string, unknown>;

  /** @param initial entries the store starts with (copied). */
  public constructor(initial: Record<string, unknown> = {}) {
    this.entries = structuredClone(initial);
  }

  /** A copy of every entry. */
  public read(): Record<string, unknown> {
    return structuredClone(this.entries);
  }

  /** A copy of one entry, or `undefined`. */
  public get(key: string): unknown {
    const value = this.entries[key];
    return value === undefined ? undefined : structuredClone(value);
  }

  /** Merges `entries`; `undefined` values remove their key. */
  public update(entries: Record<string, unknown>): void {
    const next = { ...this.entries };
    for (const [key, value] of Object.entries(entries)) {
      if (value === undefined) delete next[key];
      else next[key] = structuredClone(value);
    }
    this.entries = next;
  }
}
