// Bounded waits for tests of timeouts and deadlines: not a speed assertion, a guard that turns
// "the call never ends" into a failure that says so instead of a jest timeout. Their timers are
// node:timers' own, taken at load: they run on the real clock also while a test fakes the global ones.
import type { Readable } from 'node:stream';
import { clearTimeout, setTimeout } from 'node:timers';
import { setTimeout as realDelay } from 'node:timers/promises';

/**
 * Resolves to what `promise` rejected with, or to its value when it resolved, within `ms`;
 * otherwise fails the test with `message`. The timer does not keep the process alive.
 */
export async function settleWithin<T>(promise: Promise<T>, ms: number, message: string): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`bounded wait: ${message}`)), ms);
    timer.unref();
  });
  try {
    return await Promise.race([
      promise.then(
        (value) => value,
        (error: unknown) => error,
      ),
      bound,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Polls `check` every 50 ms until it holds; fails with `bounded wait: <what> within <ms> ms` when
 * it does not (`what` may be a function, read at that moment), or at once with the reason `unless` resolves to (say, the child that was to make
 * it hold has exited). Polls on the real clock, also while a test fakes its timers.
 */
export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  ms: number,
  what: string | (() => string),
  unless?: Promise<string>,
): Promise<void> {
  let gaveUp: string | undefined;
  void unless?.then((reason) => (gaveUp = reason));
  const said = () => (typeof what === 'string' ? what : what());
  const deadline = performance.now() + ms;
  for (;;) {
    if (await check()) return;
    if (gaveUp !== undefined) throw new Error(`bounded wait: ${said()}, but ${gaveUp}`);
    if (performance.now() >= deadline) throw new Error(`bounded wait: ${said()} within ${ms} ms`);
    await realDelay(50);
  }
}

/**
 * The first line a child writes on `stream` (which may arrive in several chunks), within `ms`;
 * fails saying what was written when the stream ends first or the time is up.
 */
export function firstLine(stream: Readable, ms: number, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const finish = (error?: Error) => {
      clearTimeout(timer);
      stream.off('data', onData);
      stream.off('end', onEnd);
      if (error) reject(error);
      else resolve(text.slice(0, text.indexOf('\n')));
    };
    const onData = (chunk: Buffer | string) => {
      text += chunk.toString();
      if (text.includes('\n')) finish();
    };
    const onEnd = () =>
      finish(new Error(`bounded wait: ${what}, but the stream ended after ${JSON.stringify(text)}`));
    const timer = setTimeout(
      () => finish(new Error(`bounded wait: ${what} within ${ms} ms; got ${JSON.stringify(text)}`)),
      ms,
    );
    stream.on('data', onData);
    stream.once('end', onEnd);
  });
}
