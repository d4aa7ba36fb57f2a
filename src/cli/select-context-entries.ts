import type { ContextEntry } from './context-entry';
import { CliUsageError } from './errors';
import { PROGRAM } from './command';

/**
 * The entries named by `selectors` (all of them when there are none). A selector is a full
 * context key or a stream name (which selects that stream's entries in every project and
 * region). A selector that matches nothing is a usage error that lists what there is, so a typo
 * never silently does nothing.
 */
export function selectContextEntries(
  entries: readonly ContextEntry[],
  selectors: readonly string[],
  file: string,
): ContextEntry[] {
  if (selectors.length === 0) {
    return [...entries];
  }
  const unmatched = selectors.filter((s) => !entries.some((e) => e.key === s || e.streamName === s));
  if (unmatched.length > 0) {
    const known =
      entries.length === 0
        ? 'it has no lookup entries'
        : `its entries are: ${entries.map((e) => e.key).join(', ')}`;
    throw new CliUsageError(
      `No lookup entry in ${file} matches ${unmatched.map((u) => `'${u}'`).join(', ')}; ${known}. ` +
        `Give full keys or stream names as \`${PROGRAM} context list\` shows them.`,
    );
  }
  return entries.filter((e) => selectors.includes(e.key) || selectors.includes(e.streamName));
}
