// What every public call of DisClient runs inside: one budget for the whole call (target
// resolution, IAM token, the DIS request and its retries) enforced by a real timer whatever phase
// is stuck, the caller's abort signal, and the masking of every credential value in what it throws.
import { DisNetworkError, maskError } from './errors';
import { abortCause, type CallBudget, DEADLINE_REASON, deadlineMessage } from './transport';

/** How one call is bounded and what it must not leak. */
export interface GuardSettings {
  /** Time allowed for the whole call, in ms. */
  readonly deadlineMs: number;
  /** How the caller names its deadline setting, for the deadline error's fix. */
  readonly deadlineHint: string;
  /** The client's clock, epoch ms. */
  readonly now: () => number;
  /** The caller's signal: aborting it ends every call in flight. */
  readonly signal?: AbortSignal;
  /** The values to mask in whatever the call throws. */
  readonly secrets: () => readonly string[];
}

/** The error for a call ended by its signal before any inner step could say more. */
function endedError(signal: AbortSignal, settings: GuardSettings, operation: string): DisNetworkError {
  const causeCode = abortCause(signal);
  const message =
    causeCode === 'DEADLINE_EXCEEDED'
      ? deadlineMessage(undefined, settings.deadlineMs, settings.deadlineHint)
      : 'the call was aborted by the caller';
  return new DisNetworkError(`${message} [${operation}]`, { operation, causeCode });
}

/**
 * Runs `call` with a budget of `deadlineMs` and masks what it throws. At the deadline (or when the
 * caller's signal aborts) the budget's signal is aborted: each step that watches it ends with its
 * own precise error, and the call as a whole ends then in any case, a phase nothing times (a DNS
 * lookup, a proxy that never answers CONNECT) included.
 */
export async function guardCall<T>(
  operation: string,
  settings: GuardSettings,
  call: (budget: CallBudget) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const outer = settings.signal;
  // Stryker disable next-line StringLiteral: unreachable; an aborted signal always has a reason (abort() without one gives an AbortError)
  const forward = () => controller.abort(outer?.reason ?? new Error('aborted'));
  if (outer?.aborted) forward();
  // Stryker disable next-line ObjectLiteral,BooleanLiteral: the finally removes the listener, fired or not
  else outer?.addEventListener('abort', forward, { once: true });
  const timer = setTimeout(() => controller.abort(DEADLINE_REASON), settings.deadlineMs);
  const budget: CallBudget = { deadlineAt: settings.now() + settings.deadlineMs, signal: controller.signal };
  try {
    // The inner steps react to the signal in the same turn; the fallback waits one more, so that
    // their more precise error (which host, which attempt) wins the race.
    const fallback = new Promise<never>((_resolve, reject) => {
      const fail = () => setImmediate(() => reject(endedError(controller.signal, settings, operation)));
      if (controller.signal.aborted) fail();
      else controller.signal.addEventListener('abort', fail, { once: true });
    });
    fallback.catch(() => undefined);
    const run = call(budget);
    // once the fallback has won, whatever the abandoned steps still throw is of no interest
    run.catch(() => undefined);
    return await Promise.race([run, fallback]);
  } catch (error) {
    throw maskError(error, settings.secrets());
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', forward);
  }
}
