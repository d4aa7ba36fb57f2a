// How old a recorded value may be (the lookups' \`maxAge\`, DESIGN decision 11): an older one is
// fetched again in mode \`auto\` and an error in mode \`offline\`. Values given as cdktf context are
// test inputs, not recordings, and are exempt.
import type { LookupSettings, Recorded } from './context-provider';
import { DisLookupStaleError, type StaleEntry } from './errors';
import { SnapshotSource } from './lookup-mode';

/** How far in the future a recorded fetch time may be (clocks of two machines) before it counts as too old. */
const FUTURE_SLACK_SECONDS = 300;

/**
 * The recorded value under `key`, when the lookup's `maxAge` finds it too old (or dated in the
 * future); cdktf context is exempt (test inputs, not recordings).
 */
export function tooOld(
  lookup: LookupSettings,
  recorded: Recorded,
  key: string,
  fetchedAt: string,
): StaleEntry | undefined {
  if (lookup.maxAgeSeconds === undefined || recorded.source !== SnapshotSource.CACHE) return undefined;
  const ageSeconds = Math.floor((Date.now() - Date.parse(fetchedAt)) / 1000);
  if (ageSeconds <= lookup.maxAgeSeconds && ageSeconds >= -FUTURE_SLACK_SECONDS) return undefined;
  return { key, fetchedAt, ageSeconds };
}

/** The offline error for recorded values older than the lookup's `maxAge`. */
export function staleError(
  lookup: LookupSettings,
  recorded: Recorded,
  stale: StaleEntry[],
): DisLookupStaleError {
  return new DisLookupStaleError(
    lookup.scope.node.path,
    recorded.where,
    lookup.maxAgeSeconds ?? 0,
    stale,
    lookup.modeFrom,
  );
}
