// The emulator's error family. It follows the conventions stated in ../client/errors.ts: each class
// writes its code once (`CODE`), says who can act (`KIND`), and exposes its typed properties as
// getters over `details`, so that an error revived from its JSON form (after it crossed from the
// emulator's child process) is complete.
import { DisError, ErrorKind, type DisErrorClass } from '../client/errors';
import { printable } from '../client/untrusted';

/**
 * A scenario file or object failed validation. The message names the bad field by its path.
 * Code `DIS_EMULATOR_SCENARIO_INVALID`.
 */
export class EmulatorScenarioError extends DisError {
  /** The stable code of this class. */
  public static readonly CODE = 'DIS_EMULATOR_SCENARIO_INVALID';
  /** Fixed in the scenario. */
  public static override readonly KIND = ErrorKind.CONFIGURATION;

  public constructor(source: string, fieldPath: string, problem: string, options?: ErrorOptions) {
    // a scenario is outside text: its keys and values reach the message escaped
    const where = fieldPath === '' ? '' : ` at ${printable(fieldPath)}`;
    super(
      EmulatorScenarioError.CODE,
      `The emulator scenario ${printable(source)} is invalid${where}: ${printable(problem, 500)}. ` +
        'Fix that field (scenarios/demo.json is a complete example) and start the emulator again.',
      { source, fieldPath },
      options,
    );
  }

  /** Where the scenario came from: a file path, or `(inline scenario)`. */
  public get source(): string {
    return this.details.source as string;
  }

  /** The path of the first bad field, dotted (`projects[0].streams[1].tasks[0].state`), or `''` for the file itself. */
  public get fieldPath(): string {
    return this.details.fieldPath as string;
  }
}

/**
 * A control call (set a task's state, add or remove a task) named something the scenario does not
 * hold, or would exceed a stream's quota. Code `DIS_EMULATOR_STATE`.
 */
export class EmulatorStateError extends DisError {
  /** The stable code of this class. */
  public static readonly CODE = 'DIS_EMULATOR_STATE';
  /** Fixed in the call. */
  public static override readonly KIND = ErrorKind.CONFIGURATION;

  public constructor(what: string, fix: string) {
    super(EmulatorStateError.CODE, `${what}. ${fix}`, {});
  }
}

/** A fault given to `injectFault` failed validation. Code `DIS_EMULATOR_FAULT_INVALID`. */
export class EmulatorFaultError extends DisError {
  /** The stable code of this class. */
  public static readonly CODE = 'DIS_EMULATOR_FAULT_INVALID';
  /** Fixed in the fault. */
  public static override readonly KIND = ErrorKind.CONFIGURATION;

  public constructor(fieldPath: string, problem: string) {
    super(
      EmulatorFaultError.CODE,
      `The injected fault is invalid at ${fieldPath || '(root)'}: ${problem}. ` +
        'See EmulatorFault for the fields and their ranges.',
      { fieldPath },
    );
  }

  /** The path of the bad field, or `''` for the fault itself. */
  public get fieldPath(): string {
    return this.details.fieldPath as string;
  }
}

/** The emulator could not listen on the requested host and port. Code `DIS_EMULATOR_LISTEN`. */
export class EmulatorListenError extends DisError {
  /** The stable code of this class. */
  public static readonly CODE = 'DIS_EMULATOR_LISTEN';
  /** Fixed by choosing another host or port. */
  public static override readonly KIND = ErrorKind.CONFIGURATION;

  public constructor(host: string, port: number, cause: NodeJS.ErrnoException) {
    const fix =
      cause.code === 'EADDRINUSE'
        ? 'Another process uses that port: pick another one, or 0 for a free one.'
        : cause.code === 'EADDRNOTAVAIL'
          ? 'That address is not on this machine: use 127.0.0.1 (the default).'
          : 'Check the host and port.';
    super(
      EmulatorListenError.CODE,
      `The DIS emulator cannot listen on ${host}:${port} (${cause.code}). ${fix}`,
      { host, port },
      { cause },
    );
  }

  /** The interface it tried to bind. */
  public get host(): string {
    return this.details.host as string;
  }

  /** The TCP port it tried to bind. */
  public get port(): number {
    return this.details.port as number;
  }
}

/**
 * The emulator's child process could not be started, or stopped answering its parent.
 * Code `DIS_EMULATOR_PROCESS`.
 */
export class EmulatorProcessError extends DisError {
  /** The stable code of this class. */
  public static readonly CODE = 'DIS_EMULATOR_PROCESS';
  /** Fixed by building the package or starting a new emulator. */
  public static override readonly KIND = ErrorKind.CONFIGURATION;

  public constructor(problem: string, fix: string, options?: ErrorOptions) {
    super(EmulatorProcessError.CODE, `The DIS emulator child process ${problem}. ${fix}`, {}, options);
  }
}

/**
 * A request to the `/_emulator/*` control routes had a malformed body; it is answered `400` with
 * `{"code","message"}`, like any refused control call. Code `DIS_EMULATOR_ADMIN`.
 */
export class EmulatorAdminError extends DisError {
  /** The stable code of this class. */
  public static readonly CODE = 'DIS_EMULATOR_ADMIN';
  /** Fixed in the request. */
  public static override readonly KIND = ErrorKind.CONFIGURATION;

  public constructor(problem: string) {
    super(EmulatorAdminError.CODE, printable(problem, 500), {});
  }
}

/** The emulator's coded errors: the ones its control surface and its child process can throw. */
export const EMULATOR_ERRORS: readonly DisErrorClass[] = [
  EmulatorScenarioError,
  EmulatorStateError,
  EmulatorFaultError,
  EmulatorListenError,
  EmulatorProcessError,
  EmulatorAdminError,
];
