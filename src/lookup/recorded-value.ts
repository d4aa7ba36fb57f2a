import type { IConstruct } from 'constructs';
import { LookupMode } from './lookup-mode';
import type { LookupSettings } from './lookup-settings';
import { SnapshotSource } from './snapshot-source';

/** A value found under a context key, and where. */
export interface RecordedValue {
  readonly raw: unknown;
  readonly source: SnapshotSource;
  /** Names the origin in messages. */
  readonly where: string;
}

/**
 * The value a lookup may use instead of asking DIS: cdktf context in every mode, then the context
 * cache in modes `auto` and `offline` only (`refresh` and `live` never read the cache, so a broken
 * cache file does not stop them; `refresh` still refuses to overwrite it).
 */
export function readRecordedValue(
  scope: IConstruct,
  settings: Pick<LookupSettings, 'mode' | 'store' | 'storeLabel'>,
  key: string,
): RecordedValue | undefined {
  const fromContext: unknown = scope.node.tryGetContext(key);
  if (fromContext !== undefined)
    return { raw: fromContext, source: SnapshotSource.CONTEXT, where: 'cdktf context' };
  if (settings.mode !== LookupMode.AUTO && settings.mode !== LookupMode.OFFLINE) return undefined;
  const cached = settings.store.get(key);
  if (cached !== undefined) return { raw: cached, source: SnapshotSource.CACHE, where: settings.storeLabel };
  return undefined;
}
