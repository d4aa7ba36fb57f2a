import type { IConstruct } from 'constructs';
import type { IContextStore } from './context-store';
import { SnapshotSource } from './snapshot-source';

/** A value found under a context key, and where. */
export interface RecordedValue {
  readonly raw: unknown;
  readonly source: SnapshotSource;
  /** Names the origin in messages. */
  readonly where: string;
}

/** cdktf context (App context, `cdktf.json`) first, then the context cache. */
export function readRecordedValue(
  scope: IConstruct,
  store: IContextStore,
  storeLabel: string,
  key: string,
): RecordedValue | undefined {
  const fromContext: unknown = scope.node.tryGetContext(key);
  if (fromContext !== undefined)
    return { raw: fromContext, source: SnapshotSource.CONTEXT, where: 'cdktf context' };
  const cached = store.read()[key];
  if (cached !== undefined) return { raw: cached, source: SnapshotSource.CACHE, where: storeLabel };
  return undefined;
}
