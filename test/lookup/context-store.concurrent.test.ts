import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulatorProcess, type EmulatorHandle } from '../../src/emulator';
import { PROJECT_ID, REGION, appEnv, copyLookupApp, runApp, scenarioWithStreams } from './helpers';

const PROCESSES = 8;

let emu: EmulatorHandle;
let dir: string;
beforeAll(async () => {
  emu = await startEmulatorProcess({
    scenario: scenarioWithStreams(Array.from({ length: PROCESSES }, (_, i) => `s${i + 1}`)),
  });
  dir = copyLookupApp();
});
afterAll(async () => {
  await emu.stop();
  rmSync(dir, { recursive: true, force: true });
});

// Real CLI runs and several Node processes: generous on a loaded two-core CI machine.
jest.setTimeout(240_000);

test(`${PROCESSES} synth processes recording into one cache file end with a valid file holding every entry`, async () => {
  // GIVEN one shared cache file and one output folder per process
  const contextFile = join(dir, 'cdktf.context.json');
  // WHEN they synth at the same time, each looking up its own stream
  const results = await Promise.all(
    Array.from({ length: PROCESSES }, (_, i) =>
      runApp(
        dir,
        appEnv(emu, {
          HW_AUTH_TOKEN: 'demo-token-0000',
          APP_STREAM: `s${i + 1}`,
          APP_SINGLE: '1',
          DIS_LOOKUP_CONTEXT_FILE: contextFile,
          CDKTF_OUTDIR: join(dir, `out-${i + 1}`),
          // eight processes on two loaded cores: the lookup's deadline (30 s by default) and the
          // bridge's (60 s) are not what this test is about: they stay inside the 120 s bound of a run
          APP_TIMEOUT_MS: '100000',
          DIS_LOOKUP_TIMEOUT_MS: '110000',
        }),
      ),
    ),
  );
  // THEN every process succeeded and the file holds every entry, sorted and stable
  expect(results.map((r) => [r.code, r.stderr])).toEqual(Array.from({ length: PROCESSES }, () => [0, '']));
  const text = readFileSync(contextFile, 'utf8');
  const cache = JSON.parse(text);
  const expected = Array.from(
    { length: PROCESSES },
    (_, i) => `dis-transfer-tasks:${REGION}:${PROJECT_ID}:s${i + 1}`,
  );
  expect(Object.keys(cache)).toEqual([...expected].sort());
  for (let i = 1; i <= PROCESSES; i++) {
    expect(cache[`dis-transfer-tasks:${REGION}:${PROJECT_ID}:s${i}`].tasks[0].taskName).toBe(`s${i}-to-obs`);
  }
  expect(text.endsWith('}\n')).toBe(true);
  expect(existsSync(`${contextFile}.lock`)).toBe(false);
});
