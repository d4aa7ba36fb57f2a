// Bounded waits for tests of timeouts and deadlines: not a speed assertion, a guard that turns
// "the call never ends" into a failure that says so instead of a jest timeout.

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
