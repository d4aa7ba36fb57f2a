// The error family of the gate (src/assertion). Conventions: src/client/errors.ts.
import { DisError, ErrorKind, type DisErrorClass } from '../client/errors';

/** What was wrong with the input of a gate. */
export interface GateConfigErrorDetails {
  /**
   * Where the input came from: `the gate file dis-gate.Gate.gate.json`, `the prop
   * requiredTasks[0] of DisTransferTasksAssertion demo/Gate`, `the environment variable
   * DIS_GATE_ENFORCEMENT`, …
   */
  readonly source: string;
  /**
   * Every problem found when the input was checked field by field, each `path: what was expected,
   * what was found` (never a string that was found).
   * @default - none listed: the message says what is wrong
   */
  readonly problems?: readonly string[];
}

/**
 * Gate rules, a gate file, a snapshot, a prop or a setting handed to the gate is malformed (code
 * `DIS_GATE_CONFIG_INVALID`). The message names the input, the field and the fix.
 */
export class GateConfigError extends DisError {
  /** The stable code of this class. */
  public static readonly CODE = 'DIS_GATE_CONFIG_INVALID';
  /** Fixed in the app, the gate file or the setting. */
  public static override readonly KIND = ErrorKind.CONFIGURATION;

  public constructor(message: string, details: GateConfigErrorDetails) {
    super(GateConfigError.CODE, message, { ...details });
  }

  /** Where the malformed input came from. */
  public get source(): string {
    return this.details.source as string;
  }

  /** Every problem found, each `path: what was expected, what was found`; empty when not listed. */
  public get problems(): readonly string[] {
    return (this.details.problems as readonly string[] | undefined) ?? [];
  }
}

/**
 * A `DisTransferTasksAssertion` was created outside a `TerraformStack` (code
 * `DIS_ASSERTION_SCOPE`): cdktf ignores validations there, so the gate would never run.
 */
export class AssertionScopeError extends DisError {
  /** The stable code of this class. */
  public static readonly CODE = 'DIS_ASSERTION_SCOPE';
  /** Fixed in the app: create the construct inside a stack. */
  public static override readonly KIND = ErrorKind.CONFIGURATION;

  public constructor(constructPath: string) {
    super(
      AssertionScopeError.CODE,
      `DisTransferTasksAssertion ${constructPath || '(root)'} is not inside a TerraformStack, where cdktf would silently skip its checks. Create it with a stack (or a construct inside one) as its scope: new DisTransferTasksAssertion(stack, 'Gate', { lookup }).`,
      { constructPath },
    );
  }

  /** The path of the misplaced construct (empty for the app itself). */
  public get constructPath(): string {
    return this.details.constructPath as string;
  }
}

/** The gate's coded errors. */
export const ASSERTION_ERRORS: readonly DisErrorClass[] = [GateConfigError, AssertionScopeError];
