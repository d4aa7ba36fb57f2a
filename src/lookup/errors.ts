// The lookup's error family, on the conventions of src/client/errors.ts: each class's code is
// written once (`CODE`), its typed properties read `details`, and LOOKUP_ERRORS lists them, so the
// sync bridge revives any of them (and the client's) after it crossed the worker.
import { DisError, ErrorKind, maskSecrets, secretsFromEnv, type DisErrorClass } from '../client/errors';
import { printable, quoted } from '../client/untrusted';
import type { SettingOrigin } from './context-provider';
// (Circular with the files below, which throw these errors: the constants are read at call time.)
import { PROJECT_ID_CONTEXT_KEY, REGION_CONTEXT_KEY } from './context-entry';
import { CONTEXT_FILE_ENV_VAR } from './context-store';
import { formatAge } from './duration';

/**
 * An untrusted string (from a cache file, cdktf context or a service) as an error shows it: quoted,
 * clipped to `max` characters, unprintable characters escaped (the client's `quoted`), and the
 * secrets of the environment masked first.
 */
export function quoteUntrusted(text: string, max = 64): string {
  return quoted(maskSecrets(text, secretsFromEnv(process.env)), max);
}

/** A context key as one word of a shell command to copy: in single quotes (`*` stays literal), escaped and masked. */
function shellWord(key: string): string {
  return `'${printable(maskSecrets(key, secretsFromEnv(process.env))).replace(/'/g, `'\\''`)}'`;
}

/**
 * A lookup was configured in a way that cannot work: a bad mode, timeout, concurrency, stream
 * name, region or project id, or an offline lookup without region and project. Code `DIS_LOOKUP_CONFIG`.
 */
export class DisLookupConfigError extends DisError {
  /** The stable code of this class. */
  public static readonly CODE = 'DIS_LOOKUP_CONFIG';
  /** Fixed in the lookup's props, cdktf context or environment. */
  public static override readonly KIND = ErrorKind.CONFIGURATION;

  public constructor(message: string, details: Record<string, unknown> = {}) {
    super(DisLookupConfigError.CODE, message, details);
  }
}

/** A lookup prop held an unresolved Terraform token, which has no value while synth runs. */
export class DisLookupTokenError extends DisError {
  /** The stable code of this class. */
  public static readonly CODE = 'DIS_LOOKUP_UNRESOLVED_TOKEN';
  /** Fixed by passing a literal. */
  public static override readonly KIND = ErrorKind.CONFIGURATION;

  public constructor(constructPath: string, prop: string) {
    super(
      DisLookupTokenError.CODE,
      `[${constructPath}] The prop "${prop}" holds an unresolved Terraform token. A lookup queries DIS ` +
        'while synth builds the construct, before Terraform knows any attribute, variable or local value. ' +
        'Pass a literal string instead: a constant, a value read from process.env, or ' +
        'this.node.tryGetContext(...) - not an attribute of a resource, a TerraformVariable or a TerraformLocal.',
      { constructPath, prop },
    );
  }
}

/** Where a failed lookup was, for the message. */
export interface LookupFailureSite {
  /** The construct's path. */
  readonly constructPath: string;
  /** The stream, or `*` for a project-wide lookup. */
  readonly streamName: string;
  /** The project id, when it was known before the failure. */
  readonly projectId?: string;
  /** The region, when it was known before the failure. */
  readonly region?: string;
}

/**
 * A lookup could not get its data from DIS. `cause` is the client's (or the bridge's) error,
 * intact (code, status, service error code, request id); `causeCode` repeats its code. Nothing
 * was recorded. Code `DIS_LOOKUP_FAILED`.
 */
export class DisLookupFailedError extends DisError {
  /** The stable code of this class. */
  public static readonly CODE = 'DIS_LOOKUP_FAILED';
  /** The kind when the cause is not known; otherwise the cause's kind (see `kind`). */
  public static override readonly KIND = ErrorKind.SERVICE;

  public constructor(site: LookupFailureSite, cause: DisError) {
    const what = site.streamName === '*' ? 'the streams' : `stream "${site.streamName}"`;
    super(
      DisLookupFailedError.CODE,
      `[${site.constructPath}] Could not look up the transfer tasks of ${what} in project ` +
        `${site.projectId ?? '(not resolved)'}, region ${site.region ?? '(not resolved)'}: ${cause.message}\n` +
        'Nothing was recorded. Fix the cause above and synth again; to synth without DIS, set ' +
        'DIS_LOOKUP_MODE=offline with the values recorded in cdktf.context.json or given as cdktf context.',
      { ...site, causeCode: cause.code },
      { cause },
    );
  }

  /** Who can act: the same as for the cause (a stream that does not exist is the caller's to fix). */
  public override get kind(): ErrorKind {
    return DisError.isDisError(this.cause) ? this.cause.kind : DisLookupFailedError.KIND;
  }

  /** The code of the underlying error, for example `DIS_API_ERROR`. */
  public get causeCode(): string {
    return this.details.causeCode as string;
  }
}

/** The command that records missing lookups (the CLI's `context refresh`). */
export const REFRESH_COMMAND = 'npx dis-transfer-tasks context refresh';
/** The command that forgets a recorded lookup (the CLI's `context reset`). */
export const RESET_COMMAND = 'npx dis-transfer-tasks context reset';

/** One lookup that found no recorded value in offline mode. */
export interface MissingLookup {
  /** The context key that has no value. */
  readonly key: string;
  /** The path of the construct that needed it. */
  readonly constructPath: string;
  /** The stream, or `*` for a project's stream list. */
  readonly streamName: string;
  /** The project id. */
  readonly projectId: string;
  /** The region. */
  readonly region: string;
  /** Where offline mode was chosen, so the fix can say what to change. */
  readonly modeFrom: SettingOrigin;
}

/** Offline mode found no recorded value for one or more lookups; every one is listed. Code `DIS_LOOKUP_MISSING`. */
export class DisLookupMissingError extends DisError {
  /** The stable code of this class. */
  public static readonly CODE = 'DIS_LOOKUP_MISSING';
  /** Fixed by recording the values (a synth with credentials) or giving them as cdktf context. */
  public static override readonly KIND = ErrorKind.CONFIGURATION;

  public constructor(missing: readonly MissingLookup[]) {
    super(DisLookupMissingError.CODE, formatMissing(missing), { keys: missing.map((m) => m.key) });
  }

  /** The missing keys, in the order the lookups were built. */
  public get keys(): string[] {
    return this.details.keys as string[];
  }
}

/** The one message that lists every missing key and how to fill them. */
export function formatMissing(missing: readonly MissingLookup[]): string {
  const lines = missing.map((m) => {
    const what = m.streamName === '*' ? 'stream list' : `stream "${m.streamName}"`;
    return `  - ${m.key}  [${m.constructPath}: ${what}, project ${m.projectId}, region ${m.region}]`;
  });
  const from = missing[0]?.modeFrom ?? 'env';
  return [
    `Lookup mode is offline (set by ${MODE_ORIGIN[from]}) and ${missing.length} DIS transfer-task lookup(s) ` +
      'have no recorded value in cdktf context or the context cache:',
    ...lines,
    `To record them, ${HOW_TO_RECORD[from]}: it fetches every lookup of the app (including any built after ` +
      `this one) and records it in cdktf.context.json. Commit that file. (\`${REFRESH_COMMAND}\` re-fetches ` +
      'entries already recorded.) In unit tests, pass the values as cdktf context ' +
      '(TransferTasksContext.entry() builds them).',
  ].join('\n');
}

const MODE_ORIGIN: Record<SettingOrigin, string> = {
  prop: 'the `mode` prop',
  context: 'cdktf context "dis-transfer-tasks:mode"',
  env: 'DIS_LOOKUP_MODE',
  default: 'default',
};

const HOW_TO_RECORD: Record<SettingOrigin, string> = {
  prop: 'remove `mode: offline` from the lookup (or set LookupMode.AUTO) and synth once with credentials',
  context:
    'set "dis-transfer-tasks:mode" to "auto" in the context of cdktf.json (or the App) and synth once with credentials',
  env: 'run `DIS_LOOKUP_MODE=auto npx cdktf synth` once with credentials',
  default: 'run `DIS_LOOKUP_MODE=auto npx cdktf synth` once with credentials',
};

/** The synchronous bridge to the lookup worker failed (no worker file, timeout, worker crash). */
export class DisBridgeError extends DisError {
  /** The stable code of this class. */
  public static readonly CODE = 'DIS_LOOKUP_BRIDGE';
  /** The worker did not answer; trying again (or with a longer timeout) may work. */
  public static override readonly KIND = ErrorKind.SERVICE;

  public constructor(message: string, details: Record<string, unknown> = {}, cause?: unknown) {
    super(DisBridgeError.CODE, message, details, cause === undefined ? undefined : { cause });
  }
}

/**
 * The context cache file cannot be read as a JSON object. The file is left untouched: it is never
 * overwritten while broken. Code `DIS_CONTEXT_FILE_INVALID`.
 */
export class DisContextFileError extends DisError {
  /** The stable code of this class. */
  public static readonly CODE = 'DIS_CONTEXT_FILE_INVALID';
  /** Fixed in the file. */
  public static override readonly KIND = ErrorKind.CONFIGURATION;

  public constructor(file: string, problem: string, position?: number, line?: number, column?: number) {
    const where = line !== undefined ? ` at line ${line}, column ${column} (position ${position})` : '';
    super(
      DisContextFileError.CODE,
      `The context cache file ${file} is not a valid JSON object${where}: ${problem}. ` +
        'It was left unchanged. Fix the file by hand (git diff / git checkout it), or delete it and run ' +
        'synth with credentials to record the lookups again.',
      { file, position, line, column },
    );
  }

  /** The file that failed to parse. */
  public get file(): string {
    return this.details.file as string;
  }

  /** The character offset of the problem, when known. */
  public get position(): number | undefined {
    return this.details.position as number | undefined;
  }

  /** The 1-based line of the problem, when known. */
  public get line(): number | undefined {
    return this.details.line as number | undefined;
  }

  /** The 1-based column of the problem, when known. */
  public get column(): number | undefined {
    return this.details.column as number | undefined;
  }
}

/** Another process held the context cache file's lock for longer than the wait allows. Code `DIS_CONTEXT_FILE_LOCKED`. */
export class DisContextLockError extends DisError {
  /** The stable code of this class. */
  public static readonly CODE = 'DIS_CONTEXT_FILE_LOCKED';
  /** Fixed by waiting for the other synth, or by deleting a stale lock. */
  public static override readonly KIND = ErrorKind.CONFIGURATION;

  public constructor(file: string, waitedMs: number) {
    super(
      DisContextLockError.CODE,
      `Waited ${waitedMs} ms for the lock ${file}.lock held by another synth. If no other synth is ` +
        `running in this folder, the lock is stale: delete the directory ${file}.lock and run synth again.`,
      { file, waitedMs },
    );
  }
}

/**
 * A recorded or provided context value does not have the shape a lookup records, or breaks one of
 * the service's rules (a task name, a state). Checked on every value a lookup reads and, before it
 * is recorded, on every value it fetched. Code `DIS_CONTEXT_VALUE_INVALID`.
 */
export class DisContextValueError extends DisError {
  /** The stable code of this class. */
  public static readonly CODE = 'DIS_CONTEXT_VALUE_INVALID';
  /** Fixed in the cache file or the cdktf context (or, for a fetched value, at the endpoint). */
  public static override readonly KIND = ErrorKind.CONFIGURATION;

  /**
   * @param origin `recorded`: read from the cache or cdktf context; `fetched`: an answer of DIS about
   * to be recorded (nothing was recorded).
   */
  public constructor(
    key: string,
    where: string,
    problem: string,
    origin: 'recorded' | 'fetched' = 'recorded',
  ) {
    const fix =
      origin === 'fetched'
        ? 'Nothing was recorded. The answer breaks the rules of the DIS API: check that the endpoint ' +
          '(the `endpoint` prop or HW_DIS_ENDPOINT) is the DIS service.'
        : `Remove this entry alone (\`${RESET_COMMAND} ${shellWord(key)}\`, or edit the file) and synth again with ` +
          'credentials; in tests, build values with TransferTasksContext.entry().';
    super(
      DisContextValueError.CODE,
      `The value of context key "${printable(maskSecrets(key, secretsFromEnv(process.env)))}" in ${where} is not a recorded transfer-task lookup: ${problem}. ${fix}`,
      { key, where, origin },
    );
  }

  /** The context key of the value. */
  public get key(): string {
    return this.details.key as string;
  }
}

/** One context key a lookup could take its region and project from. */
export interface RecordedTarget {
  /** The region of the key. */
  readonly region: string;
  /** The project id of the key. */
  readonly projectId: string;
  /** The context key. */
  readonly key: string;
  /** Where it is recorded: the cache file, or `cdktf context`. */
  readonly where: string;
}

/**
 * A lookup whose region or project id is not configured found its stream recorded for more than
 * one region and project, and cannot tell which to use. Code `DIS_LOOKUP_AMBIGUOUS_TARGET`.
 */
export class DisLookupAmbiguousError extends DisError {
  /** The stable code of this class. */
  public static readonly CODE = 'DIS_LOOKUP_AMBIGUOUS_TARGET';
  /** Fixed by pinning region and project. */
  public static override readonly KIND = ErrorKind.CONFIGURATION;

  public constructor(constructPath: string, streamName: string, candidates: readonly RecordedTarget[]) {
    const what = streamName === '*' ? 'The stream list of a project' : `Stream "${streamName}"`;
    super(
      DisLookupAmbiguousError.CODE,
      [
        `[${constructPath}] ${what} is recorded for ${candidates.length} regions and projects, and the ` +
          'lookup does not say which one to use (no region or project id in its props, cdktf context ' +
          'or the environment):',
        ...candidates.map((c) => `  - region ${c.region}, project ${c.projectId}: ${c.key} in ${c.where}`),
        'Pin one: for this lookup, the `region` and `projectId` props; for the whole app, the cdktf ' +
          `context keys "${REGION_CONTEXT_KEY}" and "${PROJECT_ID_CONTEXT_KEY}" (the "context" of cdktf.json); for one ` +
          'run, HW_REGION_NAME and HW_PROJECT_ID.',
      ].join('\n'),
      { constructPath, streamName, candidates: candidates.map((c) => ({ ...c })) },
    );
  }

  /** Every region and project the stream is recorded for. */
  public get candidates(): RecordedTarget[] {
    return this.details.candidates as RecordedTarget[];
  }
}

/** A recorded value older than the lookup's `maxAge`. */
export interface StaleEntry {
  /** Its context key. */
  readonly key: string;
  /** When it was fetched, ISO-8601. */
  readonly fetchedAt: string;
  /** How long ago, in seconds (negative: in the future). */
  readonly ageSeconds: number;
}

/**
 * In offline mode, a recorded value is older than the lookup's `maxAge` (or dated in the future),
 * and offline mode may not re-fetch it. Code `DIS_LOOKUP_STALE`.
 */
export class DisLookupStaleError extends DisError {
  /** The stable code of this class. */
  public static readonly CODE = 'DIS_LOOKUP_STALE';
  /** Fixed by refreshing the entry (with credentials), or by a larger maxAge. */
  public static override readonly KIND = ErrorKind.CONFIGURATION;

  public constructor(
    constructPath: string,
    where: string,
    maxAgeSeconds: number,
    stale: readonly StaleEntry[],
    modeFrom: SettingOrigin,
  ) {
    const age = (e: StaleEntry): string =>
      e.ageSeconds < 0
        ? 'in the future (the clock that recorded it, or the file, is wrong)'
        : `${formatAge(e.ageSeconds)} ago`;
    super(
      DisLookupStaleError.CODE,
      [
        `[${constructPath}] Lookup mode is offline (set by ${MODE_ORIGIN[modeFrom]}), and ` +
          `${stale.length === 1 ? 'a value' : `${stale.length} values`} in ${where} ` +
          `${stale.length === 1 ? 'is' : 'are'} older than the lookup's maxAge (${formatAge(maxAgeSeconds)}):`,
        ...stale.map((e) => `  - ${e.key}: fetched at ${e.fetchedAt}, ${age(e)}`),
        `Refresh with credentials: \`${REFRESH_COMMAND} ${stale.map((e) => shellWord(e.key)).join(' ')}\` ` +
          '(or one synth with DIS_LOOKUP_MODE=refresh), and commit cdktf.context.json; or raise maxAge.',
      ].join('\n'),
      { constructPath, where, maxAgeSeconds, stale: stale.map((e) => ({ ...e })) },
    );
  }

  /** The values that are too old. */
  public get stale(): StaleEntry[] {
    return this.details.stale as StaleEntry[];
  }
}

/** What a file operation of the context cache was doing when the file system refused it. */
export type ContextFileOperation = 'read' | 'write' | 'lock';

/**
 * The file system refused to read or write the context cache file (a read-only folder, a folder
 * where the file should be, a file where the lock directory should be, a full disk, …). The file
 * is left as it was. Code `DIS_CONTEXT_FILE_ACCESS`.
 */
export class DisContextFileAccessError extends DisError {
  /** The stable code of this class. */
  public static readonly CODE = 'DIS_CONTEXT_FILE_ACCESS';
  /** Fixed on the file system, or by pointing the lookup at another file. */
  public static override readonly KIND = ErrorKind.CONFIGURATION;

  /**
   * @param file the context cache file
   * @param operation what was being done
   * @param path the path the file system refused (the file, its folder, its lock)
   * @param errno the file system's code (`EACCES`, `EISDIR`, `ENOTDIR`, …)
   */
  public constructor(file: string, operation: ContextFileOperation, path: string, errno: string) {
    super(
      DisContextFileAccessError.CODE,
      `${ACCESS_PROBLEMS[errno]?.(file, operation, path) ?? `Cannot ${VERBS[operation]} the context cache file ${file}: ${path} was refused (${errno}).`} ` +
        `${operation === 'read' ? '' : 'What this synth fetched from DIS was not recorded, and the file was left as it was. '}` +
        `Fix the path, or point the lookup's \`contextFile\` (or ${CONTEXT_FILE_ENV_VAR}) at a file you can ` +
        `${operation === 'read' ? 'read' : 'write'}${operation === 'read' ? '' : '; to synth without recording anything, set DIS_LOOKUP_MODE=live'}.`,
      { file, operation, path, errno },
    );
  }

  /** The context cache file. */
  public get file(): string {
    return this.details.file as string;
  }

  /** The path the file system refused. */
  public get path(): string {
    return this.details.path as string;
  }

  /** The file system's code, for example `EACCES`. */
  public get errno(): string {
    return this.details.errno as string;
  }
}

/**
 * The coded error for a file-system refusal (an error with an `E…` code) met while reading or
 * writing the context cache file `file` at `path`; any other error is returned as it is.
 */
export function fileSystemError(
  error: unknown,
  file: string,
  operation: ContextFileOperation,
  path: string,
): unknown {
  const errno = (error as { code?: unknown } | null)?.code;
  if (DisError.isDisError(error) || typeof errno !== 'string' || !/^E[A-Z]+$/.test(errno)) return error;
  const at = (error as { path?: unknown }).path;
  return new DisContextFileAccessError(file, operation, typeof at === 'string' ? at : path, errno);
}

const VERBS: Record<ContextFileOperation, string> = { read: 'read', write: 'write', lock: 'lock' };

/** What each file-system refusal means for the context cache, worded with its paths. */
const ACCESS_PROBLEMS: Record<string, (file: string, op: ContextFileOperation, path: string) => string> = {
  EACCES: (file, op, path) =>
    `Cannot ${VERBS[op]} the context cache file ${file}: ${path} is not ${op === 'read' ? 'readable' : 'writable'} (EACCES).`,
  EPERM: (file, op, path) =>
    `Cannot ${VERBS[op]} the context cache file ${file}: the operation on ${path} is not permitted (EPERM).`,
  EROFS: (file, op, path) =>
    `Cannot ${VERBS[op]} the context cache file ${file}: ${path} is on a read-only file system (EROFS).`,
  EISDIR: (file) =>
    `The context cache file ${file} is a folder, not a file (EISDIR): rename or remove the folder.`,
  ENOTDIR: (file, op, path) =>
    op === 'lock'
      ? `The lock path ${path} of the context cache file ${file} is a file, not the lock directory synth creates ` +
        '(ENOTDIR): if no other tool uses it, delete it.'
      : `A parent of the context cache file ${file} is a file, not a folder (ENOTDIR, at ${path}).`,
  ENOSPC: (file, op, path) =>
    `Cannot ${VERBS[op]} the context cache file ${file}: no space left on the device of ${path} (ENOSPC).`,
};

/**
 * The context cache file is a symbolic link whose target is outside the folder that holds the
 * link. Lookups refuse to read or write through it. Code `DIS_CONTEXT_FILE_LINK`.
 */
export class DisContextFileLinkError extends DisError {
  /** The stable code of this class. */
  public static readonly CODE = 'DIS_CONTEXT_FILE_LINK';
  /** Fixed by replacing the link, or by naming the target itself. */
  public static override readonly KIND = ErrorKind.CONFIGURATION;

  public constructor(file: string, target: string, folder: string) {
    super(
      DisContextFileLinkError.CODE,
      `The context cache file ${file} is a symbolic link to ${target}, outside ${folder}, the folder that ` +
        'holds it. Lookups never read or write through a link that leaves its folder: a cloned repository ' +
        'could point it at any file of yours. Replace the link with a copy of the file, or point the ' +
        `lookup's \`contextFile\` (or ${CONTEXT_FILE_ENV_VAR}) at the target itself.`,
      { file, target, folder },
    );
  }

  /** The link. */
  public get file(): string {
    return this.details.file as string;
  }

  /** Where it points. */
  public get target(): string {
    return this.details.target as string;
  }
}

/** The lookup's coded errors: the constructs, the cache and the bridge throw these. */
export const LOOKUP_ERRORS: readonly DisErrorClass[] = [
  DisLookupConfigError,
  DisLookupTokenError,
  DisLookupFailedError,
  DisLookupMissingError,
  DisBridgeError,
  DisContextFileError,
  DisContextLockError,
  DisContextValueError,
  DisLookupAmbiguousError,
  DisLookupStaleError,
  DisContextFileAccessError,
  DisContextFileLinkError,
];
