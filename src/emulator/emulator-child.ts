// Entry of the emulator's child process (forked by startEmulatorProcess). It starts a DisEmulator
// with the options the parent sends, reports its URL, then serves control calls over IPC. It exits
// as soon as the IPC channel closes, so it never outlives its parent.
import { DisEmulator } from './dis-emulator';
import type { EmulatorHandle } from './dis-emulator';
import { toIpcError, type ToChild, type ToParent } from './ipc-message';

const CALLS: ReadonlySet<string> = new Set<keyof EmulatorHandle>([
  'requestLog',
  'setTaskState',
  'addTask',
  'removeTask',
  'injectFault',
  'clearFaults',
  'reset',
  'stop',
]);

let emulator: DisEmulator | undefined;

function reply(message: ToParent): void {
  process.send?.(message);
}

process.on('disconnect', () => process.exit(0));
process.on('message', (message: ToChild) => {
  void (async () => {
    if (message.type === 'start') {
      try {
        emulator = await DisEmulator.start(message.options);
        reply({ type: 'ready', url: emulator.url });
      } catch (e) {
        reply({ type: 'failed', error: toIpcError(e) });
      }
      return;
    }
    if (!emulator || !CALLS.has(message.method)) {
      reply({
        type: 'result',
        id: message.id,
        error: toIpcError(new Error(`unknown call ${message.method}`)),
      });
      return;
    }
    try {
      const method = emulator[message.method as keyof EmulatorHandle] as (
        ...args: unknown[]
      ) => Promise<unknown>;
      const value = await method.apply(emulator, message.args);
      reply({ type: 'result', id: message.id, value });
      if (message.method === 'stop') process.disconnect();
    } catch (e) {
      reply({ type: 'result', id: message.id, error: toIpcError(e) });
    }
  })();
});
