#!/usr/bin/env node
import { getEventListeners } from 'node:events';
import { exec } from './exec';

/* istanbul ignore file -- the process wiring; everything it calls is tested through `exec`. */

/** How long a command may take to wind down after SIGINT/SIGTERM before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 5_000;

const controller = new AbortController();
for (const [signal, number] of [
  ['SIGINT', 2],
  ['SIGTERM', 15],
] as const) {
  process.once(signal, () => {
    // Long-running commands (the emulator) listen for the abort and wind down; the others stop now.
    const listening = getEventListeners(controller.signal, 'abort').length > 0;
    controller.abort(signal);
    if (!listening) process.exit(128 + number);
    setTimeout(() => process.exit(128 + number), SHUTDOWN_GRACE_MS).unref();
  });
}

// `dis-transfer-tasks list | head -1` closes stdout early: stop quietly, as other CLIs do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(process.exitCode ?? 0);
});

void exec(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  signal: controller.signal,
}).then((code) => {
  process.exitCode = code;
});
