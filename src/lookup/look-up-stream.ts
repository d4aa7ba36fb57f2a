import type { IConstruct } from 'constructs';
import type { BridgeClientOptions, ListTransferTasksAnswer } from './sync-bridge';
import { callLookupBridge } from './call-lookup-bridge';
import { transferTasksContextKey, parseContextValue, toContextValue } from './context-entry';
import { LookupMode } from './lookup-mode';
import type { LookupSettings } from './lookup-settings';
import { resolveLookupTarget } from './lookup-target';
import { reportMissingLookup } from './missing-lookups';
import { readRecordedValue } from './recorded-value';
import { SnapshotSource } from './snapshot-source';
import { snapshotFromValue } from './snapshot-from-value';
import type { TransferTasksSnapshot } from './transfer-tasks-snapshot';

/** A snapshot, or the key that offline mode could not find (already reported for the synth error). */
export type StreamLookupOutcome =
  | { readonly snapshot: TransferTasksSnapshot }
  | { readonly missingKey: string; readonly region: string; readonly projectId: string };

/**
 * One stream's lookup, by mode: cdktf context always wins; `auto` and `offline` then read the cache;
 * `auto` (on a miss), `refresh` and `live` fetch through the bridge; `auto` and `refresh` record.
 */
export function lookUpStream(
  scope: IConstruct,
  settings: LookupSettings,
  client: BridgeClientOptions,
  streamName: string,
): StreamLookupOutcome {
  const target = resolveLookupTarget(scope, settings, client, streamName);
  const key = transferTasksContextKey(target.region, target.projectId, streamName);
  const recorded = readRecordedValue(scope, settings, key);
  if (recorded) {
    const value = parseContextValue(recorded.raw, key, recorded.where);
    return { snapshot: snapshotFromValue(value, { streamName, ...target, source: recorded.source }) };
  }
  if (settings.mode === LookupMode.OFFLINE) {
    reportMissingLookup(scope, {
      key,
      constructPath: scope.node.path,
      streamName,
      ...target,
      modeFrom: settings.modeFrom,
    });
    return { missingKey: key, ...target };
  }
  const answer = callLookupBridge<ListTransferTasksAnswer>(
    { constructPath: scope.node.path, streamName, ...target },
    { op: 'listTransferTasks', client, streamName },
  );
  const value = toContextValue(answer.result, new Date());
  const fetchedKey = transferTasksContextKey(answer.target.region, answer.target.projectId, streamName);
  if (settings.mode !== LookupMode.LIVE) settings.store.update({ [fetchedKey]: value });
  return {
    snapshot: snapshotFromValue(value, {
      streamName,
      region: answer.target.region,
      projectId: answer.target.projectId,
      source: SnapshotSource.API,
    }),
  };
}
