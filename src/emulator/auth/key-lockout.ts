/** How the service treats repeated signature failures: research/dis-api.md §2.2 (APIG FAQ). */
export const LOCKOUT_POLICY = {
  /** A key is locked after more than this many consecutive failures. */
  maxConsecutiveFailures: 5,
  /** For this long. */
  lockMs: 5 * 60 * 1000,
} as const;

interface KeyRecord {
  failures: number;
  lockedUntil: number;
}

/**
 * Counts consecutive signature failures per access key and locks a key for five minutes once it
 * has failed more than five times in a row. A success clears the count. Time comes from the
 * injected clock, so tests need not wait.
 */
export class KeyLockout {
  private readonly keys = new Map<string, KeyRecord>();

  public constructor(private readonly clock: () => number) {}

  /** Milliseconds the key stays locked, or 0 when it is usable. */
  public lockedForMs(accessKey: string): number {
    const r = this.keys.get(accessKey);
    if (!r || r.lockedUntil === 0) return 0;
    const left = r.lockedUntil - this.clock();
    if (left > 0) return left;
    this.keys.delete(accessKey);
    return 0;
  }

  /** Records a failed signature; returns true when this failure locked the key. */
  public fail(accessKey: string): boolean {
    const r = this.keys.get(accessKey) ?? { failures: 0, lockedUntil: 0 };
    r.failures++;
    this.keys.set(accessKey, r);
    if (r.failures > LOCKOUT_POLICY.maxConsecutiveFailures) {
      r.lockedUntil = this.clock() + LOCKOUT_POLICY.lockMs;
      return true;
    }
    return false;
  }

  /** Records a good signature: the consecutive count starts again. */
  public succeed(accessKey: string): void {
    this.keys.delete(accessKey);
  }

  /** Forgets every count and lock. */
  public clear(): void {
    this.keys.clear();
  }
}
