// Entry of the emulator's child process (forked by startEmulatorProcess). It starts a DisEmulator
// with the options the parent sends, reports its URL, then serves control calls over IPC. It exits
// as soon as the IPC channel closes, so it never outlives its parent.
import { DisEmulator, type EmulatorHandle } from './dis-emulator';
import { HANDLE_CALLS, toIpcError, type ToChild, type ToParent } from './process';

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
    if (!emulator || !HANDLE_CALLS.has(message.method)) {
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
