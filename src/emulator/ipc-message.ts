import { DisError, reviveDisError, type DisErrorJson } from '../client/errors';
import type { DisEmulatorOptions } from './dis-emulator';
import { EMULATOR_ERRORS, EmulatorProcessError } from './errors';

/** Options that can cross to the child: everything but the clock. */
export type ChildStartOptions = Omit<DisEmulatorOptions, 'clock'>;

/** Parent to child. */
export type ToChild =
  | { readonly type: 'start'; readonly options: ChildStartOptions }
  | { readonly type: 'call'; readonly id: number; readonly method: string; readonly args: unknown[] };

/** Child to parent. */
export type ToParent =
  | { readonly type: 'ready'; readonly url: string }
  | { readonly type: 'failed'; readonly error: DisErrorJson }
  | { readonly type: 'result'; readonly id: number; readonly value?: unknown; readonly error?: DisErrorJson };

/**
 * The plain form of any thrown value, for the channel: a `DisError`'s JSON form (name, code,
 * message, details: never a secret, no stack); anything else under the code of
 * {@link EmulatorProcessError}, keeping its name and message.
 */
export function toIpcError(e: unknown): DisErrorJson {
  if (DisError.isDisError(e)) return e.toJSON();
  const err = e instanceof Error ? e : new Error(String(e));
  return { name: err.name, code: EmulatorProcessError.CODE, message: err.message, details: {} };
}

/** Rebuilds an error from the channel: the emulator's own class for its code, with its details. */
export function fromIpcError(e: DisErrorJson): DisError {
  return reviveDisError(e, EMULATOR_ERRORS);
}
