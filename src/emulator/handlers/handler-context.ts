import type { EmulatorState } from '../state';
import type { EmulatorResponse } from '../responses';

/** What a handler gets: the world, the request's decoded parts, and who is asking. */
export interface HandlerContext {
  /** The emulator's mutable world. */
  readonly state: EmulatorState;
  /** Decoded path parameters. */
  readonly params: Readonly<Record<string, string>>;
  /** The query string. */
  readonly query: URLSearchParams;
  /** The raw body. */
  readonly body: Uint8Array;
  /** Project ids the credential may use; `undefined` means all (or no credential needed). */
  readonly grantedProjects?: readonly string[];
  /** The emulator clock's now, epoch milliseconds. */
  readonly now: number;
  /** The base URL the request came in on, for `links`. */
  readonly baseUrl: string;
}

/** One operation: a pure function from the request context to a response (it may change `state`). */
export type Handler = (ctx: HandlerContext) => EmulatorResponse;
