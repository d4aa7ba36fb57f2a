// Region and project taken from the recorded entries of a stream (DESIGN decision 10): a teammate
// or a CI job that synthesizes from the committed cache needs neither HW_REGION_NAME, HW_PROJECT_ID
// nor credentials. The keys say where each entry was looked up; exactly one region and project for
// the stream is used, several are an error listing them and how to pin one.
import type { IConstruct } from 'constructs';
import { checkProjectId, checkRegion } from '../client/config';
import { DisError } from '../client/errors';
import { parseContextKey } from './context-entry';
import type { LookupSettings, Target } from './context-provider';
import { keysThrough } from './context-store';
import { DisContextValueError, DisLookupAmbiguousError, quoteUntrusted, type RecordedTarget } from './errors';

/** Targets by stream name, for one list of keys. */
type TargetIndex = ReadonlyMap<string, ReadonlyArray<{ readonly key: string } & Target>>;

/** Indexes of key lists that do not change while synth runs (a store's cached keys). */
const indexes = new WeakMap<readonly string[], TargetIndex>();
/** Indexes of cdktf context, per parent construct: context cannot change once a scope has children. */
const contextIndexes = new WeakMap<IConstruct, TargetIndex>();

/**
 * The one region and project the stream is recorded for, in cdktf context and the lookup's store,
 * among those that match what the lookup knows (a region without a project narrows the search);
 * `undefined` when it is recorded for none. Several are a {@link DisLookupAmbiguousError}.
 */
export function targetFromRecordings(lookup: LookupSettings, streamName: string): Target | undefined {
  const { region, projectId } = lookup.client;
  const candidates = new Map<string, RecordedTarget>();
  const consider = (index: TargetIndex, where: string): void => {
    for (const t of index.get(streamName) ?? []) {
      if (
        (region !== undefined && t.region !== region) ||
        (projectId !== undefined && t.projectId !== projectId)
      ) {
        continue;
      }
      checkKey(t, where);
      const id = `${t.region}:${t.projectId}`;
      if (!candidates.has(id)) candidates.set(id, { ...t, where });
    }
  };
  consider(contextIndex(lookup.scope), 'cdktf context');
  consider(indexOf(keysThrough(lookup.store)), lookup.storeLabel);
  if (candidates.size > 1) {
    throw new DisLookupAmbiguousError(lookup.scope.node.path, streamName, [...candidates.values()]);
  }
  const [only] = candidates.values();
  return only && { region: only.region, projectId: only.projectId };
}

function contextIndex(scope: IConstruct): TargetIndex {
  const parent = scope.node.scope ?? scope;
  let index = contextIndexes.get(parent);
  // Stryker disable next-line ConditionalExpression: a cache; building the index again gives the same index
  if (!index) {
    index = buildIndex(Object.keys(scope.node.getAllContext() as object));
    contextIndexes.set(parent, index);
  }
  return index;
}

function indexOf(keys: readonly string[]): TargetIndex {
  let index = indexes.get(keys);
  // Stryker disable next-line ConditionalExpression: a cache; building the index again gives the same index
  if (!index) {
    index = buildIndex(keys);
    // Stryker disable next-line ConditionalExpression: every list of keys that is not frozen is a new array (keysThrough), never looked up again
    if (Object.isFrozen(keys)) indexes.set(keys, index);
  }
  return index;
}

function buildIndex(keys: readonly string[]): TargetIndex {
  const index = new Map<string, Array<{ readonly key: string } & Target>>();
  for (const key of keys) {
    const parts = parseContextKey(key);
    if (!parts) continue;
    const list = index.get(parts.streamName) ?? [];
    list.push({ key, region: parts.region, projectId: parts.projectId });
    index.set(parts.streamName, list);
  }
  return index;
}

/** A key is about to name the region and project of a lookup: both must follow the client's rules. */
function checkKey(t: { readonly key: string } & Target, where: string): void {
  for (const [part, check, value] of [
    ['region', checkRegion, t.region],
    ['projectId', checkProjectId, t.projectId],
  ] as const) {
    try {
      check(value);
    } catch (e) {
      if (!DisError.isDisError(e)) throw e;
      throw new DisContextValueError(
        t.key,
        where,
        `the key's ${part} is not valid: expected ${String(e.details.rule)}, received ${quoteUntrusted(value)}`,
      );
    }
  }
}
