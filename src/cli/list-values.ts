/**
 * The values of a repeatable option, each also split on commas, trimmed, empties dropped and
 * duplicates removed: `--allowed-states RUNNING,STARTING` equals `--allowed-states RUNNING
 * --allowed-states STARTING`.
 */
export function listValues(raw: unknown): string[] | undefined {
  if (raw === undefined) {
    return undefined;
  }
  const values = (Array.isArray(raw) ? raw : [raw]).flatMap((v: unknown) => String(v).split(','));
  return [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))];
}
