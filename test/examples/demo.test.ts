import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const EXAMPLE = join(ROOT, 'examples', 'dis-transfer-gate');
let tmp: string;

beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'dis-demo-test-'));
});
afterEach(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/**
 * Runs `npm run demo` the way `predemo` leaves it (lib/ is built by `npm test` before jest runs),
 * with its temporary folder under `tmp` and a caller secret in the environment.
 */
function demo(...args: string[]) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TMPDIR: tmp,
    HW_SECRET_KEY: 'caller-secret-must-not-leak',
  };
  delete env.TF_CLI_CONFIG_FILE;
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'demo.js'), ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function expectNoSecrets(output: string): void {
  for (const secret of [
    'demo-secret-key-0000000000000000000000000',
    'caller-secret-must-not-leak',
    'demo-token-0000',
  ]) {
    expect(output).not.toContain(secret);
  }
}

const exampleFiles = readdirSync(EXAMPLE).sort();
const cdktfJson = readFileSync(join(ROOT, 'cdktf.json'), 'utf8');

/**
 * The demo works in a temporary folder and removes it; the example folder and cdktf.json are left
 * as they were (cdktf writes a projectId into a cdktf.json that lacks one).
 */
function expectNothingLeftBehind(): void {
  expect(readdirSync(tmp)).toEqual([]);
  expect(readdirSync(EXAMPLE).sort()).toEqual(exampleFiles);
  expect(readFileSync(join(ROOT, 'cdktf.json'), 'utf8')).toBe(cdktfJson);
}

describe('npm run demo', () => {
  it('synthesizes the example against the emulator, prints the tasks and a passing verdict', () => {
    const { status, output } = demo('--keep');
    expect(output).toMatch(/orders-to-obs\s+RUNNING\s+OBS/);
    expect(output).toMatch(/orders-to-dli\s+RUNNING\s+DLI/);
    expect(output).toContain('Gate: PASSED');
    expect(status).toBe(0);
    expectNoSecrets(output);
    // --keep leaves the temporary folder (under TMPDIR) for inspection: the real cdktf CLI wrote
    // the stack there, and the lookup recorded the tasks, without a credential, beside it.
    const [kept] = readdirSync(tmp);
    expect(output).toContain(`Kept ${join(tmp, kept)}`);
    const cache = readFileSync(join(tmp, kept, 'cdktf.context.json'), 'utf8');
    expect(Object.keys(JSON.parse(cache))).toEqual([
      'dis-transfer-tasks:cn-north-4:0123456789abcdef0123456789abcdef:orders',
    ]);
    expectNoSecrets(cache);
    const stack = JSON.parse(
      readFileSync(join(tmp, kept, 'cdktf.out', 'stacks', 'dis-transfer-gate', 'cdk.tf.json'), 'utf8'),
    );
    expect(stack.resource.huaweicloud_dis_stream.stream.tags).toEqual({
      'transfer-tasks': 'orders-to-dli.orders-to-obs',
    });
    expect(readdirSync(EXAMPLE).sort()).toEqual(exampleFiles);
    expect(readFileSync(join(ROOT, 'cdktf.json'), 'utf8')).toBe(cdktfJson);
  });

  it('with --paused, shows the paused task as the gate finding and exits 1', () => {
    const { status, output } = demo('--paused');
    expect(output).toContain('Gate: FAILED');
    expect(output).toMatch(/DIS-TASK-STATE.*orders-to-dli|orders-to-dli.*DIS-TASK-STATE/);
    expect(output).toContain('PAUSED');
    expect(output).not.toContain('Gate: PASSED');
    expect(status).toBe(1);
    expectNoSecrets(output);
    expectNothingLeftBehind();
  });

  it('explains itself with --help and refuses unknown options with status 2', () => {
    const help = demo('--help');
    expect(help.status).toBe(0);
    expect(help.output).toContain('--paused');
    const wrong = demo('--pasued');
    expect(wrong.status).toBe(2);
    expect(wrong.output).toMatch(/--pasued/);
  });
});
