import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulatorProcess, type EmulatorHandle } from '../../src/emulator';
import { packedTarball, ROOT } from './shared-pack';

export { ROOT };

/**
 * The app both package tests install the tarball into: the TypeScript example of the README's
 * "Installing it in a cdktf app", verbatim, so that what users read is what is tested. It has a
 * lookup, a gate and an output that references the looked-up task names (stack `pipeline`,
 * output `dump-tasks`).
 */
export function readmeAppSource(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Installing it in a cdktf app'));
  const match = /```ts\n([\s\S]*?)```/.exec(section);
  if (!match) throw new Error('README.md has no ```ts example under "## Installing it in a cdktf app".');
  return match[1];
}

/** Environment for npm and node children: the parent's, without npm's lifecycle variables. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    // `npm test` exports npm_config_*/npm_package_* for this package; a child npm would apply them
    // to the temporary app. The cache location is the one worth keeping.
    if (name.startsWith('npm_') && name !== 'npm_config_cache') continue;
    if (/^(HW_|OS_|HUAWEICLOUD_SDK_|DIS_LOOKUP_)/.test(name)) continue;
    env[name] = value;
  }
  delete env.TF_CLI_CONFIG_FILE;
  return { ...env, CHECKPOINT_DISABLE: '1', npm_config_update_notifier: 'false', ...extra };
}

function run(
  command: string,
  args: string[],
  cwd: string,
  env?: Record<string, string>,
): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env: childEnv(env), encoding: 'utf8', timeout: 240_000 });
}

function check(result: SpawnSyncReturns<string>, what: string): string {
  if (result.error || result.status !== 0) {
    throw new Error(
      `${what} failed (status ${result.status}): ${result.error?.message ?? ''}\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result.stdout;
}

/**
 * Creates an app in `dir` and installs `dependencies` plus the tarball from the npm cache
 * (`--prefer-offline`: no network when everything is cached, as on the machines that ran
 * `npm ci`; a machine with a cold cache fetches from the registry instead of failing).
 */
export function installApp(dir: string, dependencies: Record<string, string>, tarball: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'packed-app', private: true, dependencies }, null, 2),
  );
  check(
    run(
      'npm',
      ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--save-exact', tarball],
      dir,
    ),
    'npm install',
  );
}

/**
 * A program that uses every TypeScript-only entry point, compiled with the app: `exports` (what Node
 * resolves) and `typesVersions` (what TypeScript's default `node` resolution of the cdktf template
 * reads) must both know them. It prints what it got, and whether a deep import is refused.
 */
const SUBPATHS_PROGRAM = `
import { DisClient } from 'cdktf-dis-transfer-tasks/client';
import { DisEmulator } from 'cdktf-dis-transfer-tasks/emulator';
import { ERROR_CLASSES, DisError } from 'cdktf-dis-transfer-tasks/errors';
import { GATE_RULES, evaluateGate } from 'cdktf-dis-transfer-tasks/gate';

const report = evaluateGate(
  [{ streamName: 'orders', projectId: '0123456789abcdef0123456789abcdef', region: 'cn-north-4', fetchedAt: '2026-01-01T00:00:00Z', tasks: [] }],
  { requiredTasks: ['orders-to-obs'] },
  Date.parse('2026-01-01T00:00:00Z'),
);
let deep = 'allowed';
try {
  require('cdktf-dis-transfer-tasks/lib/client/dis-client');
} catch (e) {
  deep = (e as { code?: string }).code ?? 'refused';
}
console.log(
  JSON.stringify({
    client: typeof DisClient,
    emulator: typeof DisEmulator.start,
    errors: ERROR_CLASSES.length > 0 && ERROR_CLASSES.every((c) => c.prototype instanceof DisError),
    rules: GATE_RULES.length,
    findings: report.findings.map((f) => f.ruleId),
    deep,
  }),
);
`;

/**
 * Writes the app and compiles it with the repository's TypeScript and the tsconfig.json of
 * `cdktf init --template=typescript` (from the installed cdktf-cli), as a user's project would.
 */
export function compileApp(dir: string): void {
  writeFileSync(join(dir, 'main.ts'), readmeAppSource());
  writeFileSync(join(dir, 'subpaths.ts'), SUBPATHS_PROGRAM);
  copyFileSync(
    join(ROOT, 'node_modules', 'cdktf-cli', 'bundle', 'templates', 'typescript', 'tsconfig.json'),
    join(dir, 'tsconfig.json'),
  );
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  // The app has no @types/node of its own; the package's declarations may use Node's types.
  check(
    run(
      process.execPath,
      [tsc, '-p', '.', '--types', 'node', '--typeRoots', join(ROOT, 'node_modules', '@types')],
      dir,
    ),
    'tsc',
  );
}

/** Runs the compiled app (`app.synth()`) with the given environment. */
export function synthApp(dir: string, env: Record<string, string>): SpawnSyncReturns<string> {
  return run(process.execPath, ['main.js'], dir, env);
}

/** Runs a command in the app folder with the given environment. */
export function runInApp(
  dir: string,
  command: string,
  args: string[],
  env: Record<string, string>,
): SpawnSyncReturns<string> {
  return run(command, args, dir, env);
}

/** The context cache key the lookup records for the demo stream (scenarios/demo.json). */
export const ORDERS_CONTEXT_KEY = 'dis-transfer-tasks:cn-north-4:0123456789abcdef0123456789abcdef:orders';

/** Environment that points the app's lookup at an emulator with the demo account's access key. */
export function emulatorEnv(endpointEnv: Readonly<Record<string, string>>): Record<string, string> {
  return {
    ...endpointEnv,
    HW_REGION_NAME: 'cn-north-4',
    HW_PROJECT_ID: '0123456789abcdef0123456789abcdef',
    HW_ACCESS_KEY: 'DEMOAK0000000000000A',
    HW_SECRET_KEY: 'demo-secret-key-0000000000000000000000000',
  };
}

/**
 * The shared suite of the package tests: packs the package, installs the tarball with
 * `dependencies` into a fresh app, compiles it against the shipped declarations and synthesizes it
 * against an emulator child process. `more` adds tests that need the installed app's folder.
 */
export function describePackedApp(
  title: string,
  dependencies: Record<string, string>,
  more?: (appDir: () => string) => void,
): void {
  describe(title, () => {
    let work: string;
    let app: string;
    let emulator: EmulatorHandle;

    beforeAll(async () => {
      work = mkdtempSync(join(tmpdir(), 'dis-pack-'));
      const tarball = packedTarball();
      app = join(work, 'app');
      installApp(app, dependencies, tarball);
      compileApp(app);
      emulator = await startEmulatorProcess({ scenario: join(ROOT, 'scenarios', 'demo.json') });
    }, 300_000);

    afterAll(async () => {
      await emulator?.stop();
      if (work) rmSync(work, { recursive: true, force: true });
    });

    it('ships the compiled library and its declarations, not the sources or tests', () => {
      const installed = join(app, 'node_modules', 'cdktf-dis-transfer-tasks');
      const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
      expect(manifest.peerDependencies.cdktf).toBe('>=0.21.0');
      expect(() => readFileSync(join(installed, 'lib', 'index.d.ts'))).not.toThrow();
      expect(() => readFileSync(join(installed, 'src', 'index.ts'))).toThrow();
      expect(() => readFileSync(join(installed, 'test', 'package', 'packed-app.ts'))).toThrow();
      // the demo scenarios ship with the package, for users' own tests
      expect(
        JSON.parse(readFileSync(join(installed, 'scenarios', 'demo.json'), 'utf8')).projects,
      ).toHaveLength(1);
    });

    it('ships the jsii assembly, its runtime dependencies bundled, and an executable CLI', () => {
      const installed = join(app, 'node_modules', 'cdktf-dis-transfer-tasks');
      const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
      const assembly = JSON.parse(readFileSync(join(installed, '.jsii'), 'utf8'));
      expect(assembly).toMatchObject({
        schema: 'jsii/0.10.0',
        name: manifest.name,
        version: manifest.version,
      });
      expect(Object.keys(assembly.targets).sort()).toEqual(['dotnet', 'go', 'java', 'js', 'python']);
      // jsii hosts install the tarball as it is: every runtime dependency must be inside it
      const runtime = Object.keys(manifest.dependencies).sort();
      expect(Object.keys(assembly.bundled).sort()).toEqual(runtime);
      for (const name of runtime) {
        expect(existsSync(join(installed, 'node_modules', name, 'package.json'))).toBe(true);
      }
      // the Python package's console script executes the file itself (scripts/build.js)
      expect(statSync(join(installed, 'lib', 'cli', 'main.js')).mode & 0o111).toBe(0o111);
    });

    it('serves the TypeScript-only entry points /client, /emulator, /errors and /gate, and refuses deep imports', () => {
      const result = runInApp(app, process.execPath, ['subpaths.js'], {});
      expect(result.stderr).toBe('');
      expect(JSON.parse(result.stdout)).toEqual({
        client: 'function',
        emulator: 'function',
        errors: true,
        rules: expect.any(Number),
        findings: ['DIS-TASK-REQUIRED'],
        deep: 'ERR_PACKAGE_PATH_NOT_EXPORTED',
      });
    });

    it('installs the dis-transfer-tasks command, which lists the tasks from the emulator', () => {
      const bin = join(app, 'node_modules', '.bin', 'dis-transfer-tasks');
      const result = runInApp(
        app,
        bin,
        ['list', '--stream', 'orders', '--output', 'json'],
        emulatorEnv(emulator.endpointEnv),
      );
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('orders-to-obs');
      expect(result.stdout).toContain('orders-to-dli');
      expect(result.stdout).not.toContain('demo-secret-key');
    });

    it('synthesizes a stack whose output holds the looked-up task names, and records them', () => {
      const result = synthApp(app, emulatorEnv(emulator.endpointEnv));
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const stack = JSON.parse(
        readFileSync(join(app, 'cdktf.out', 'stacks', 'pipeline', 'cdk.tf.json'), 'utf8'),
      );
      expect([...stack.output['dump-tasks'].value].sort()).toEqual(['orders-to-dli', 'orders-to-obs']);
      const cache = JSON.parse(readFileSync(join(app, 'cdktf.context.json'), 'utf8'));
      expect(Object.keys(cache)).toContain(ORDERS_CONTEXT_KEY);
      expect(JSON.stringify(cache)).not.toContain('demo-secret-key');
    });

    it('stops synth with the gate finding when a task is paused', async () => {
      await emulator.setTaskState('orders', 'orders-to-dli', 'PAUSED');
      try {
        const result = synthApp(app, { ...emulatorEnv(emulator.endpointEnv), DIS_LOOKUP_MODE: 'live' });
        expect(result.status).toBe(1);
        expect(result.stderr).toMatch(/DIS-TASK-STATE/);
        expect(result.stderr).toMatch(/orders-to-dli/);
        expect(result.stderr + result.stdout).not.toContain('demo-secret-key');
      } finally {
        await emulator.reset();
      }
    });

    more?.(() => app);
  });
}
