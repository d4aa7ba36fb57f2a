// The lookup's error family, on the conventions of src/client/errors.ts: each class's code is
// written once (`CODE`), its typed properties read `details`, and LOOKUP_ERRORS lists them, so the
// sync bridge revives any of them (and the client's) after it crossed the worker.
import { DisError, ErrorKind, type DisErrorClass } from '../client/errors';
import type { SettingOrigin } from './context-provider';

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

/** A recorded or provided context value does not have the shape a lookup records. Code `DIS_CONTEXT_VALUE_INVALID`. */
export class DisContextValueError extends DisError {
  /** The stable code of this class. */
  public static readonly CODE = 'DIS_CONTEXT_VALUE_INVALID';
  /** Fixed in the cache file or the cdktf context. */
  public static override readonly KIND = ErrorKind.CONFIGURATION;

  public constructor(key: string, where: string, problem: string) {
    // The key in single quotes, as one shell word (`*` stays literal); `'` written `'\''`.
    const word = `'${JSON.stringify(key).slice(1, -1).replace(/'/g, `'\\''`)}'`;
    super(
      DisContextValueError.CODE,
      `The value of context key ${JSON.stringify(key)} in ${where} is not a recorded transfer-task lookup: ${problem}. ` +
        `Remove this entry alone (npx dis-transfer-tasks context reset ${word}, or edit the file) and synth ` +
        'again with credentials; in tests, build values with TransferTasksContext.entry().',
      { key, where },
    );
  }

  /** The context key whose value is broken. */
  public get key(): string {
    return this.details.key as string;
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
];
