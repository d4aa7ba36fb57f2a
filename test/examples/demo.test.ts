import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');

/** Runs `npm run demo` the way `predemo` leaves it: lib/ is built by `npm test` before jest runs. */
function demo(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, HW_SECRET_KEY: 'caller-secret-must-not-leak' };
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

function expectRepositoryUntouched(): void {
  for (const path of ['cdktf.context.json', 'cdktf.out', 'examples/dis-transfer-gate/cdktf.context.json']) {
    expect({ path, exists: existsSync(join(ROOT, path)) }).toEqual({ path, exists: false });
  }
}

describe('npm run demo', () => {
  it('synthesizes the example against the emulator, prints the tasks and a passing verdict', () => {
    const { status, output } = demo();
    expect(output).toMatch(/orders-to-obs\s+RUNNING\s+OBS/);
    expect(output).toMatch(/orders-to-dli\s+RUNNING\s+DLI/);
    expect(output).toContain('Gate: PASSED');
    expect(status).toBe(0);
    expectNoSecrets(output);
    expectRepositoryUntouched();
  });

  it('with --paused, shows the paused task as the gate finding and exits 1', () => {
    const { status, output } = demo('--paused');
    expect(output).toContain('Gate: FAILED');
    expect(output).toMatch(/DIS-TASK-STATE.*orders-to-dli|orders-to-dli.*DIS-TASK-STATE/);
    expect(output).toContain('PAUSED');
    expect(output).not.toContain('Gate: PASSED');
    expect(status).toBe(1);
    expectNoSecrets(output);
    expectRepositoryUntouched();
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
