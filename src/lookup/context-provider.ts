// The construct side of a lookup, in the manner of aws-cdk's core/lib/context-provider.ts: what a
// construct may read while synth builds it (props, which must be literals, and operator settings,
// which follow one precedence), and how a lookup gets its value: cdktf context first, then the
// context cache, then DIS through the sync bridge, recording what it fetched. Unlike aws-cdk there
// is no placeholder and no second synth: a lookup has real data, or synth fails (DESIGN.md, 1).
//
// The constructs (dis-transfer-tasks.ts) call lookUpStream and lookUpProject; the gate uses
// refuseTokens and resolveOperatorSetting for its own props and settings.
import { resolve } from 'node:path';
import { Annotations, TerraformStack, Token } from 'cdktf';
import type { IConstruct } from 'constructs';
import { checkStreamName, resolveProjectId, resolveRegion } from '../client/config';
import { DisConfigError, DisError, messageWithoutCode } from '../client/errors';
import {
  ALL_STREAMS,
  MODE_CONTEXT_KEY,
  parseContextValue,
  parseProjectStreamsValue,
  projectStreamsContextKey,
  toContextValue,
  toProjectStreamsValue,
  transferTasksContextKey,
  type TransferTasksContextValue,
} from './context-entry';
import {
  CONTEXT_FILE_ENV_VAR,
  DEFAULT_CONTEXT_FILE,
  FileContextStore,
  type IContextStore,
} from './context-store';
import type {
  DisLookupOptions,
  DisProjectTransferTasksProps,
  DisTransferTasksProps,
  TransferTasksSnapshot,
} from './dis-transfer-tasks';
import {
  DisLookupConfigError,
  DisLookupFailedError,
  DisLookupTokenError,
  formatMissing,
  type MissingLookup,
} from './errors';
import {
  callBridge,
  type BridgeClientOptions,
  type BridgeRequest,
  type ListProjectAnswer,
  type ListTransferTasksAnswer,
  type ResolveTargetAnswer,
} from './sync-bridge';

// ---------------------------------------------------------------------------------------------
// What a construct may read while synth builds it: for the lookups and the gate alike.

/**
 * Throws the error `refuse` builds for the first value in `props` that is an unresolved Terraform
 * token, naming it by its path (`streamName`, `credentials.accessKey`, `acknowledgements[0].task`).
 * Arrays and plain objects are searched at any depth; class instances (a construct, a `Duration`,
 * a context store) are not props of values and are skipped.
 */
export function refuseTokens(props: object, refuse: (propPath: string) => Error): void {
  const visit = (value: unknown, path: string): void => {
    if (value === undefined || value === null) return;
    if (Token.isUnresolved(value)) throw refuse(path);
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${path}[${i}]`));
    else if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      for (const [name, v] of Object.entries(value)) visit(v, `${path}.${name}`);
    }
  };
  for (const [name, value] of Object.entries(props)) visit(value, name);
}

/**
 * Where an operator setting was chosen, strongest first. The person who runs synth overrides the
 * app's code: an environment variable for one run (`DIS_GATE_ENFORCEMENT=warn cdktf destroy`),
 * then cdktf context (`cdktf.json`, `--context`), then the construct's prop, then the default.
 */
export const SETTING_PRECEDENCE = ['env', 'context', 'prop', 'default'] as const;

/** One of {@link SETTING_PRECEDENCE}. */
export type SettingOrigin = (typeof SETTING_PRECEDENCE)[number];

/** An operator setting: how a lookup or a gate runs (lookup mode, enforcement, …). */
export interface OperatorSettingSpec<T extends string> {
  /** The prop that sets it on one construct, for messages (`mode`, `enforcement`). */
  readonly prop: string;
  /** The cdktf context key that sets it for the whole app. */
  readonly contextKey: string;
  /** The environment variable that sets it for one run. */
  readonly envVar: string;
  /** Its values; a given value matches one ignoring case and surrounding spaces. */
  readonly values: readonly T[];
  /** The value when none is given. */
  readonly defaultValue: T;
}

/** A setting's value and where it was chosen, so that messages can say what to change. */
export interface ResolvedSetting<T extends string> {
  /** The value in effect. */
  readonly value: T;
  /** Where it was chosen. */
  readonly from: SettingOrigin;
  /** That place in words: `the environment variable DIS_LOOKUP_MODE`, … */
  readonly where: string;
}

/**
 * Resolves an operator setting by {@link SETTING_PRECEDENCE}. An empty value counts as unset; a
 * value that is not one of `spec.values` is refused with the error `invalid` builds, whose message
 * names where it was set and the values allowed.
 */
export function resolveOperatorSetting<T extends string>(
  scope: IConstruct,
  spec: OperatorSettingSpec<T>,
  prop: unknown,
  env: Readonly<Record<string, string | undefined>>,
  invalid: (message: string, where: string) => Error,
): ResolvedSetting<T> {
  const candidates: [SettingOrigin, unknown, string][] = [
    ['env', env[spec.envVar], `the environment variable ${spec.envVar}`],
    ['context', scope.node.tryGetContext(spec.contextKey), `cdktf context "${spec.contextKey}"`],
    ['prop', prop, `the \`${spec.prop}\` prop of ${scope.node.path}`],
  ];
  for (const [from, raw, where] of candidates) {
    if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) continue;
    const text = typeof raw === 'string' ? raw.trim().toLowerCase() : undefined;
    const value = spec.values.find((v) => v.toLowerCase() === text);
    if (value === undefined) {
      throw invalid(
        `${JSON.stringify(raw)} in ${where} is not a valid ${spec.prop}: use one of ${spec.values.join(', ')}.`,
        where,
      );
    }
    return { value, from, where };
  }
  return { value: spec.defaultValue, from: 'default', where: 'the default' };
}

// ---------------------------------------------------------------------------------------------
// Modes and sources

/** How a lookup uses the context cache and the service. */
export enum LookupMode {
  /** Use the cached value if present; otherwise fetch and record it. The default. */
  AUTO = 'auto',
  /** Always fetch, and record the result. */
  REFRESH = 'refresh',
  /** Never fetch: cdktf context and the cache only; every missing key fails synth, listed in one error. */
  OFFLINE = 'offline',
  /** Always fetch, and record nothing. */
  LIVE = 'live',
}

/** Where the data of a {@link TransferTasksSnapshot} came from. */
export enum SnapshotSource {
  /** Fetched from the DIS API (or an emulator) during this synth. */
  API = 'api',
  /** Read from the context cache file (`cdktf.context.json` by default). */
  CACHE = 'cache',
  /** Given through cdktf context (App context or the `context` of `cdktf.json`). */
  CONTEXT = 'context',
}

/** The environment variable that selects the lookup mode. */
export const MODE_ENV_VAR = 'DIS_LOOKUP_MODE';

/**
 * The lookup mode as an operator setting: `DIS_LOOKUP_MODE`, then cdktf context
 * `dis-transfer-tasks:mode`, then the `mode` prop, then `auto`.
 */
export const LOOKUP_MODE_SETTING: OperatorSettingSpec<LookupMode> = {
  prop: 'mode',
  contextKey: MODE_CONTEXT_KEY,
  envVar: MODE_ENV_VAR,
  values: Object.values(LookupMode),
  defaultValue: LookupMode.AUTO,
};

/** The default per-lookup deadline, in milliseconds. */
const DEFAULT_LOOKUP_TIMEOUT_MS = 30_000;
/** How the client's deadline error names the lookup's deadline setting. */
const DEADLINE_HINT = 'the `timeoutMs` prop of the lookup';

// ---------------------------------------------------------------------------------------------
// The lookups

/** The region and project a lookup's keys are built from. */
interface Target {
  readonly region: string;
  readonly projectId: string;
}

/** What a lookup gives its construct. */
export interface LookupResult extends Target {
  /**
   * One snapshot per stream, ordered by stream name; `undefined` when offline mode found no
   * recorded value (the misses are reported: see {@link missingLookups}).
   */
  readonly snapshots?: TransferTasksSnapshot[];
}

/**
 * One stream's lookup, by mode: cdktf context always wins; `auto` and `offline` then read the cache;
 * `auto` (on a miss), `refresh` and `live` fetch through the bridge; `auto` and `refresh` record.
 */
export function lookUpStream(scope: IConstruct, props: DisTransferTasksProps): LookupResult {
  refuseTokens(props, (prop) => new DisLookupTokenError(scope.node.path, prop));
  checkInput(scope, () => checkStreamName(props.streamName));
  const lookup = resolveLookupSettings(scope, props);
  const { streamName } = props;
  const target = resolveTarget(lookup, streamName);
  const key = transferTasksContextKey(target.region, target.projectId, streamName);
  const recorded = readRecorded(lookup, key);
  if (recorded) return { ...target, snapshots: [recordedSnapshot(recorded, key, streamName, target)] };
  const missed = missOffline(lookup, target, [{ key, streamName }]);
  if (missed) return missed;
  const mustExist = props.mustExist ?? true;
  const answer = ask<ListTransferTasksAnswer>(lookup, streamName, target, {
    op: 'listTransferTasks',
    client: lookup.client,
    streamName,
    mustExist,
  });
  const fetched = targetOf(answer.target);
  const fetchedKey = transferTasksContextKey(fetched.region, fetched.projectId, streamName);
  const now = new Date();
  if (!answer.result) {
    // The stream does not exist yet (mustExist: false): nothing is recorded, and an entry recorded
    // while it existed is removed, so that the next synth looks again.
    if (lookup.mode !== LookupMode.LIVE && lookup.store.get(fetchedKey) !== undefined) {
      record(lookup, { [fetchedKey]: undefined });
    }
    const value = toContextValue({ totalNumber: 0, tasks: [], warnings: [] }, now);
    return { ...fetched, snapshots: [snapshotOf(value, streamName, fetched, SnapshotSource.API, false)] };
  }
  const value = toContextValue(answer.result, now);
  record(lookup, { [fetchedKey]: value });
  return { ...fetched, snapshots: [snapshotOf(value, streamName, fetched, SnapshotSource.API)] };
}

/**
 * A project-wide lookup, with the same mode rules as one stream: the stream list is recorded under
 * `dis-transfer-tasks:{region}:{projectId}:*` and each stream under its own key. Any gap makes
 * `auto` fetch the whole project in one bridge call (listStreams, then the streams' tasks with at
 * most `concurrency` requests in flight); the result is recorded in one locked update.
 */
export function lookUpProject(scope: IConstruct, props: DisProjectTransferTasksProps): LookupResult {
  refuseTokens(props, (prop) => new DisLookupTokenError(scope.node.path, prop));
  const concurrency = props.concurrency ?? 8;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new DisLookupConfigError(
      `[${scope.node.path}] concurrency must be a whole number of at least 1, got ${concurrency}.`,
    );
  }
  const lookup = resolveLookupSettings(scope, props);
  const target = resolveTarget(lookup, ALL_STREAMS);
  const listKey = projectStreamsContextKey(target.region, target.projectId);
  const listed = readRecorded(lookup, listKey);
  let misses = [{ key: listKey, streamName: ALL_STREAMS }];
  if (listed) {
    const streams = parseProjectStreamsValue(listed.raw, listKey, listed.where).streams.map((streamName) => {
      const key = transferTasksContextKey(target.region, target.projectId, streamName);
      return { streamName, key, recorded: readRecorded(lookup, key) };
    });
    if (streams.every((s) => s.recorded)) {
      const snapshots = streams.map((s) => recordedSnapshot(s.recorded!, s.key, s.streamName, target));
      return { ...target, snapshots };
    }
    misses = streams.filter((s) => !s.recorded);
  }
  const missed = missOffline(lookup, target, misses);
  if (missed) return missed;
  const answer = ask<ListProjectAnswer>(lookup, ALL_STREAMS, target, {
    op: 'listProject',
    client: lookup.client,
    concurrency,
  });
  const fetched = targetOf(answer.target);
  const now = new Date();
  const entries: Record<string, unknown> = {
    [projectStreamsContextKey(fetched.region, fetched.projectId)]: toProjectStreamsValue(
      answer.streams.map((s) => s.streamName),
      now.toISOString(),
    ),
  };
  const snapshots = answer.streams.map(({ streamName, result }) => {
    const key = transferTasksContextKey(fetched.region, fetched.projectId, streamName);
    const given = fromContext(lookup.scope, key);
    if (given) return recordedSnapshot(given, key, streamName, fetched);
    const value = toContextValue(result, now);
    entries[key] = value;
    return snapshotOf(value, streamName, fetched, SnapshotSource.API);
  });
  record(lookup, entries);
  snapshots.sort((a, b) => (a.streamName < b.streamName ? -1 : a.streamName > b.streamName ? 1 : 0));
  return { ...fetched, snapshots };
}

/** Every offline miss recorded so far in the app that holds `scope` (a live list). */
export function missingLookups(scope: IConstruct): readonly MissingLookup[] {
  return missingByApp.get(scope.node.root) ?? [];
}

/** Everything a lookup needs to know before it looks anything up. */
export interface LookupSettings {
  /** The construct doing the lookup. */
  readonly scope: IConstruct;
  /** How it uses the cache and the service. */
  readonly mode: LookupMode;
  /** Where the mode was chosen. */
  readonly modeFrom: SettingOrigin;
  /** Where values are recorded. */
  readonly store: IContextStore;
  /** Names the store in messages: the file path, or "the context store". */
  readonly storeLabel: string;
  /** What the worker builds its client from; region and project when known without asking. */
  readonly client: BridgeClientOptions;
}

const fileStores = new Map<string, FileContextStore>();

/**
 * Resolves mode, store, region, project, timeout and credentials from the props, cdktf context and
 * the environment. The mode is an operator setting (the environment overrides cdktf context, which
 * overrides the prop); region and project come from the client's chain, so that the keys name the
 * values the client will use. Credentials stay in memory, never recorded.
 */
export function resolveLookupSettings(
  scope: IConstruct,
  props: DisLookupOptions & { readonly credentials?: object },
  env: Readonly<Record<string, string | undefined>> = process.env,
): LookupSettings {
  const { value: mode, from: modeFrom } = resolveOperatorSetting(
    scope,
    LOOKUP_MODE_SETTING,
    props.mode,
    env,
    (message, where) => new DisLookupConfigError(message, { where }),
  );
  const timeoutMs = props.timeoutMs ?? DEFAULT_LOOKUP_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new DisLookupConfigError(
      `[${scope.node.path}] timeoutMs must be a positive number of milliseconds, got ${timeoutMs}.`,
    );
  }
  let store = props.contextStore;
  let storeLabel = 'the context store';
  if (!store) {
    const file = resolve(props.contextFile ?? (env[CONTEXT_FILE_ENV_VAR]?.trim() || DEFAULT_CONTEXT_FILE));
    store = fileStores.get(file) ?? new FileContextStore(file);
    fileStores.set(file, store as FileContextStore);
    storeLabel = file;
  }
  const region = checkInput(scope, () => resolveRegion(props.region, env));
  const projectId = checkInput(scope, () => resolveProjectId(props.projectId, env));
  const credentials = Object.fromEntries(
    Object.entries(props.credentials ?? {}).filter(([, v]) => typeof v === 'string' && v !== ''),
  );
  const client: BridgeClientOptions = {
    ...(region !== undefined ? { region } : {}),
    ...(projectId !== undefined ? { projectId } : {}),
    ...(props.endpoint !== undefined ? { endpoint: props.endpoint } : {}),
    ...(Object.keys(credentials).length > 0 ? { credentials } : {}),
    env: { ...env },
    deadlineMs: timeoutMs,
    deadlineHint: DEADLINE_HINT,
  };
  return { scope, mode, modeFrom, store, storeLabel, client };
}

/**
 * Runs one of the client's input checks for a lookup, before any cache read or request, and
 * re-throws its error as a `DisLookupConfigError` that starts with the construct path.
 */
function checkInput<T>(scope: IConstruct, check: () => T): T {
  try {
    return check();
  } catch (e) {
    if (!DisError.isDisError(e) || e.code !== DisConfigError.CODE) throw e;
    throw new DisLookupConfigError(`[${scope.node.path}] ${messageWithoutCode(e)}.`, {
      ...e.details,
      constructPath: scope.node.path,
    });
  }
}

/**
 * The region and project: from props and the environment when both are there (no worker needed),
 * otherwise from the client's `resolveTarget` through the bridge. Offline mode never asks the client.
 */
function resolveTarget(lookup: LookupSettings, streamName: string): Target {
  const { region, projectId } = lookup.client;
  if (region !== undefined && projectId !== undefined) return { region, projectId };
  const constructPath = lookup.scope.node.path;
  if (lookup.mode === LookupMode.OFFLINE) {
    throw new DisLookupConfigError(
      `[${constructPath}] Offline lookups need the region and the project id to find the recorded value ` +
        `of stream "${streamName}", and ${region === undefined ? 'the region' : 'the project id'} is ` +
        'not set. Set the `region` and `projectId` props, or HW_REGION_NAME and HW_PROJECT_ID.',
      { constructPath, streamName },
    );
  }
  const { target } = ask<ResolveTargetAnswer>(
    lookup,
    streamName,
    { region, projectId },
    { op: 'resolveTarget', client: lookup.client },
  );
  return targetOf(target);
}

/** Region and project of a bridge target (which also names the endpoint the client chose). */
function targetOf({ region, projectId }: Target): Target {
  return { region, projectId };
}

/** A value found under a context key, and where. */
interface Recorded {
  readonly raw: unknown;
  readonly source: SnapshotSource;
  /** Names the origin in messages. */
  readonly where: string;
}

function fromContext(scope: IConstruct, key: string): Recorded | undefined {
  const raw: unknown = scope.node.tryGetContext(key);
  return raw === undefined ? undefined : { raw, source: SnapshotSource.CONTEXT, where: 'cdktf context' };
}

/**
 * The value a lookup may use instead of asking DIS: cdktf context in every mode, then the context
 * cache in modes `auto` and `offline` only (`refresh` and `live` never read the cache, so a broken
 * cache file does not stop them; `refresh` still refuses to overwrite it).
 */
function readRecorded(lookup: LookupSettings, key: string): Recorded | undefined {
  const given = fromContext(lookup.scope, key);
  if (given) return given;
  if (lookup.mode !== LookupMode.AUTO && lookup.mode !== LookupMode.OFFLINE) return undefined;
  const raw = lookup.store.get(key);
  return raw === undefined ? undefined : { raw, source: SnapshotSource.CACHE, where: lookup.storeLabel };
}

/** The snapshot a lookup exposes: the recorded value, where it belongs and where it came from. */
function snapshotOf(
  value: TransferTasksContextValue,
  streamName: string,
  target: Target,
  source: SnapshotSource,
  streamExists = true,
): TransferTasksSnapshot {
  return { streamName, projectId: target.projectId, region: target.region, ...value, source, streamExists };
}

/** The snapshot of a value found under `key`, checked first: a cache file can be edited by hand. */
function recordedSnapshot(
  recorded: Recorded,
  key: string,
  streamName: string,
  target: Target,
): TransferTasksSnapshot {
  return snapshotOf(
    parseContextValue(recorded.raw, key, recorded.where),
    streamName,
    target,
    recorded.source,
  );
}

/** Records fetched values, unless the mode is `live`. */
function record(lookup: LookupSettings, entries: Record<string, unknown>): void {
  if (lookup.mode !== LookupMode.LIVE) lookup.store.update(entries);
}

/**
 * Calls the bridge on behalf of a lookup: a coded failure (client or bridge) is wrapped in
 * `DisLookupFailedError`, which names the construct, stream, project and the fix and keeps the
 * original as `cause`. Configuration errors pass through unchanged: they already say what to fix.
 */
function ask<T>(lookup: LookupSettings, streamName: string, at: Partial<Target>, request: BridgeRequest): T {
  try {
    return callBridge<T>(request);
  } catch (e) {
    if (!DisError.isDisError(e) || e.code === DisLookupConfigError.CODE) throw e;
    throw new DisLookupFailedError({ constructPath: lookup.scope.node.path, streamName, ...at }, e);
  }
}

const missingByApp = new WeakMap<IConstruct, MissingLookup[]>();
const validatedStacks = new WeakSet<IConstruct>();

/**
 * In offline mode, records the lookup's misses and returns its result without snapshots; in the
 * other modes returns `undefined`, and the caller fetches. Synth then fails once, listing every
 * missing key of the whole app: the first stack holding a miss gets a validation whose message is
 * the full list (cdktf stops at the first failing stack), and an error annotation on the lookup
 * keeps synth failing even when an app sets `skipValidation`.
 */
function missOffline(
  lookup: LookupSettings,
  target: Target,
  misses: ReadonlyArray<{ readonly key: string; readonly streamName: string }>,
): LookupResult | undefined {
  if (lookup.mode !== LookupMode.OFFLINE) return undefined;
  const { scope, modeFrom } = lookup;
  const list = missingByApp.get(scope.node.root) ?? [];
  missingByApp.set(scope.node.root, list);
  for (const { key, streamName } of misses) {
    list.push({ key, constructPath: scope.node.path, streamName, ...target, modeFrom });
    Annotations.of(scope).addError(
      `No recorded value for ${key} (lookup mode offline). Synth once with credentials in mode auto ` +
        'to record it, and commit cdktf.context.json.',
    );
  }
  const stack = TerraformStack.of(scope);
  if (!validatedStacks.has(stack)) {
    validatedStacks.add(stack);
    stack.node.addValidation({ validate: () => [formatMissing(list)] });
  }
  return target;
}
