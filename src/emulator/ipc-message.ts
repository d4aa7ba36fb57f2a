import { DisError } from '../client/errors';
import type { DisEmulatorOptions } from './dis-emulator';

/** Options that can cross to the child: everything but the clock. */
export type ChildStartOptions = Omit<DisEmulatorOptions, 'clock'>;

/** An error as it crosses the IPC channel: name, code and message (no stack, no secret). */
export interface IpcError {
  /** Class name. */
  readonly name: string;
  /** Stable code, `DIS_…` for ours. */
  readonly code: string;
  /** The message, fix included. */
  readonly message: string;
}

/** Parent to child. */
export type ToChild =
  | { readonly type: 'start'; readonly options: ChildStartOptions }
  | { readonly type: 'call'; readonly id: number; readonly method: string; readonly args: unknown[] };

/** Child to parent. */
export type ToParent =
  | { readonly type: 'ready'; readonly url: string }
  | { readonly type: 'failed'; readonly error: IpcError }
  | { readonly type: 'result'; readonly id: number; readonly value?: unknown; readonly error?: IpcError };

/** The plain form of any thrown value, for the channel. */
export function toIpcError(e: unknown): IpcError {
  const err = e instanceof Error ? e : new Error(String(e));
  const code = (err as { code?: unknown }).code;
  return {
    name: err.name,
    code: typeof code === 'string' ? code : 'DIS_EMULATOR_PROCESS',
    message: err.message,
  };
}

/** Rebuilds an error from the channel as a DisError with the same name, code and message. */
export function fromIpcError(e: IpcError): DisError {
  const error = new DisError(e.code, e.message);
  Object.defineProperty(error, 'name', { value: e.name });
  return error;
}
