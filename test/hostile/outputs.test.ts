// The hostile server's echoes and forged values, seen where users see them: everything the built
// CLI writes (stdout and stderr of `list`), and everything a failing synth writes (its uncaught
// error on stderr, and the files of the app folder). No canary, whole or in part, no signature, no
// raw control character, and no forged line may appear in any of it.
import { rmSync } from 'node:fs';
import { runCli, type CliRun } from '../cli/support/run-cli';
import { settleWithin } from '../client/bounded';
import { appEnv, copyLookupApp, readTree, runApp } from '../lookup/helpers';
import { CASES } from './cases';
import { CANARY, CREDENTIAL_ENV, leaks, PROJECT, startHostileServer, type HostileServer } from './hostile';

let server: HostileServer;
beforeAll(async () => {
  server = await startHostileServer();
});
afterAll(() => server?.stop());

function caseNamed(name: string) {
  const found = CASES.find((c) => c.name === name);
  if (!found) throw new Error(`no hostile case named ${name}`);
  return found;
}

function targetEnv(credentials: keyof typeof CREDENTIAL_ENV): Record<string, string> {
  return {
    HW_REGION_NAME: 'cn-north-4',
    HW_PROJECT_ID: PROJECT,
    HW_DIS_ENDPOINT: server.urls.dis,
    HW_AUTH_URL: `${server.urls.dis}/v3`,
    ...CREDENTIAL_ENV[credentials],
  };
}

/** Raw control characters other than the newlines of ordinary output, and lines a server forged. */
function forged(text: string): string[] {
  const found: string[] = [];
  // eslint-disable-next-line no-control-regex -- looking for control characters is the point
  if (/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.test(text)) found.push('a raw control character');
  if (/^\s*Gate PASSED/m.test(text)) found.push('a forged "Gate PASSED" line');
  return found;
}

describe('the CLI against a hostile server', () => {
  test.each([
    ['echo of the token in the message (400, DIS shape)', 2],
    ['echo of the aksk in the code and X-Request-Id (401, gateway shape)', 2],
    ['echo of the password by IAM (401, Keystone shape)', 2],
    ['echo of the IAM-issued token by DIS (403)', 2],
    ['a task name forging a line (newline, escape codes)', 3],
    ['control characters in the service code, message and request id', 3],
  ] as const)('%s: exit %i, and nothing of it in stdout or stderr', async (name, exitCode) => {
    const c = caseNamed(name);
    await server.arm({ steps: c.steps, iamSteps: c.iamSteps, iamToken: CANARY.iamToken });
    // only this case's canaries: run-cli's own would outrank a password in the credential chain
    const run = await runCli(['list', '--stream', 'orders'], {
      env: targetEnv(c.credentials),
      withoutCanaries: true,
    });
    const written = [run.stdout, run.stderr];
    expect({ code: run.code, stderr: run.stderr }).toMatchObject({ code: exitCode });
    expect(run.stderr).toMatch(/DIS_(API_ERROR|AUTH_ERROR|RESPONSE_INVALID)/);
    expect(leaks(written)).toEqual([]);
    expect(forged(written.join('\n'))).toEqual([]);
  });
});

describe('the CLI behind a proxy that never answers CONNECT', () => {
  test('ends at its --timeout and exits, instead of hanging (it once ran past 100 s)', async () => {
    await server.arm({ steps: [{ kind: 'hang' }] });
    // a bound for a hang, not a speed assertion: the process used to outlive the call by minutes
    const run = (await settleWithin(
      runCli(['list', '--stream', 'orders', '--timeout', '2s'], {
        env: {
          HW_REGION_NAME: 'cn-north-4',
          HW_PROJECT_ID: PROJECT,
          HTTPS_PROXY: server.urls.silent,
          ...CREDENTIAL_ENV.token,
        },
        withoutCanaries: true,
      }),
      20_000,
      'the CLI had not exited 20 s after its 2 s --timeout',
    )) as CliRun;
    expect({ code: run.code, stderr: run.stderr }).toMatchObject({ code: 3 });
    expect(run.stderr).toContain('at the 2000 ms deadline');
    expect(run.stderr).toContain('raise --timeout');
    expect((await server.stats()).silentConnections).toBeGreaterThan(0);
  });
});

describe('a synth against a hostile server', () => {
  let dir: string;
  beforeEach(() => {
    dir = copyLookupApp();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test.each([
    ['echo of the token in the code and X-Request-Id (401, gateway shape)'],
    ['a task name forging a line (newline, escape codes)'],
  ])('%s: the uncaught synth error and the app folder hold nothing of it', async (name) => {
    const c = caseNamed(name);
    await server.arm({ steps: c.steps, iamSteps: c.iamSteps, iamToken: CANARY.iamToken });
    const result = await runApp(dir, appEnv(undefined, { ...targetEnv(c.credentials), APP_SINGLE: '1' }));
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('DIS_LOOKUP_FAILED');
    const written = [result.stdout, result.stderr, ...Object.values(readTree(dir))];
    expect(leaks(written)).toEqual([]);
    expect(forged([result.stdout, result.stderr].join('\n'))).toEqual([]);
  });
});
