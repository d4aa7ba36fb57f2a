import type { EmulatorHandle } from '../../../src/emulator';
import { DEMO_SECRETS, startDemoEmulator } from './demo-emulator';
import { allOutput, forbiddenValues, tempDir } from './run-cli';

/** What the hooks of {@link useCommandSuite} hand to a command suite's tests. */
export interface CommandSuite {
  /** The demo emulator, in a child process, shared by the file's tests and reset after each. */
  readonly emulator: EmulatorHandle;
  /** A temporary folder of the current test (only with `tmp: true`). */
  readonly tmp: ReturnType<typeof tempDir>;
}

/**
 * Registers the hooks every command suite shares: one demo emulator for the file, reset after each
 * test; with `tmp`, a fresh temporary folder per test; and once the file is done, a search of all
 * that the CLI printed for the canary and demo secrets.
 */
export function useCommandSuite(options: { readonly tmp: boolean }): CommandSuite {
  let emulator: EmulatorHandle | undefined;
  let tmp: ReturnType<typeof tempDir> | undefined;
  beforeAll(async () => {
    emulator = await startDemoEmulator();
  });
  if (options.tmp) beforeEach(() => (tmp = tempDir()));
  afterEach(async () => {
    tmp?.remove();
    tmp = undefined;
    await emulator?.reset();
  });
  afterAll(async () => {
    await emulator?.stop();
    for (const secret of forbiddenValues(DEMO_SECRETS)) {
      expect(allOutput.join('\n')).not.toContain(secret);
    }
  });
  return {
    get emulator(): EmulatorHandle {
      if (emulator === undefined)
        throw new Error('The demo emulator has not started (use it inside a test).');
      return emulator;
    },
    get tmp(): ReturnType<typeof tempDir> {
      if (tmp === undefined) throw new Error('No temporary folder: call useCommandSuite({ tmp: true }).');
      return tmp;
    },
  };
}
