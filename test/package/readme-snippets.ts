import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startEmulatorProcess, type EmulatorHandle } from '../../src/emulator';
import { childEnv, emulatorEnv, ORDERS_CONTEXT_KEY, synthApp } from './packed-app';
import { ROOT } from './shared-pack';

// The README's pipeline example and its unit-test snippet, run as written in an app that installed
// the packed package, so that they cannot rot: the steps of the GitHub Actions excerpt (with the
// emulator standing in for the cloud of the step that has credentials) and the jest test.

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** One `- run:` step of the README's GitHub Actions excerpt. */
export interface WorkflowStep {
  readonly run: string;
  readonly env: Readonly<Record<string, string>>;
}

/** The fenced block that follows `marker` in the README, without its fence. */
export function readmeBlock(marker: string, fence: string): string {
  const at = readme.indexOf(marker);
  if (at === -1) throw new Error(`README.md has no "${marker}"`);
  const match = new RegExp('```' + fence + '\\n([\\s\\S]*?)```').exec(
    readme.slice(readme.lastIndexOf('```', at)),
  );
  if (!match) throw new Error(`README.md has no \`\`\`${fence} block at "${marker}"`);
  return match[1];
}

/**
 * The steps of a workflow excerpt: `- run: COMMAND # comment` lines, each optionally followed by
 * `env:` and `KEY: value # comment` lines. `${{ vars.X }}` and `${{ secrets.X }}` are taken from
 * `values`. Anything else in the excerpt is an error, so the parser cannot skip a step silently.
 */
export function parseWorkflowSteps(yaml: string, values: Readonly<Record<string, string>>): WorkflowStep[] {
  const steps: { run: string; env: Record<string, string> }[] = [];
  const uncomment = (text: string) => text.replace(/\s+#.*$/, '').trim();
  const expand = (text: string) =>
    text.replace(/^'(.*)'$/, '$1').replace(/\$\{\{\s*(?:vars|secrets)\.(\w+)\s*\}\}/g, (_, name: string) => {
      if (!(name in values))
        throw new Error(`the README's workflow uses ${name}, which the test does not provide`);
      return values[name];
    });
  for (const line of yaml.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const run = /^- run: (.+)$/.exec(line);
    const env = /^ {2}env:(\s+#.*)?$/.exec(line);
    const variable = /^ {4}([A-Z_][A-Z0-9_]*): (.+)$/.exec(line);
    if (run) steps.push({ run: uncomment(run[1]), env: {} });
    else if (env && steps.length > 0) continue;
    else if (variable && steps.length > 0) steps.at(-1)!.env[variable[1]] = expand(uncomment(variable[2]));
    else throw new Error(`the README's workflow excerpt has a line the test cannot read: ${line}`);
  }
  return steps;
}

/** Adds the tests of the README's CI example and unit-test snippet to the packed-app suite. */
export function describeReadmeSnippets(appDir: () => string): void {
  describe("the README's pipeline and unit test, as written", () => {
    let emulator: EmulatorHandle;
    const run = (command: string, env: Record<string, string>, cwd = appDir()): SpawnSyncReturns<string> =>
      spawnSync('/bin/sh', ['-c', command], { cwd, env: childEnv(env), encoding: 'utf8', timeout: 240_000 });

    beforeAll(async () => {
      emulator = await startEmulatorProcess({ scenario: join(ROOT, 'scenarios', 'demo.json') });
      // the project keeps cdktf-cli as a devDependency (README "Start a new cdktf app"); linked
      // here from this repository instead of installed again
      const modules = join(appDir(), 'node_modules');
      if (!existsSync(join(modules, 'cdktf-cli'))) {
        symlinkSync(join(ROOT, 'node_modules', 'cdktf-cli'), join(modules, 'cdktf-cli'), 'dir');
        symlinkSync(join('..', 'cdktf-cli', 'bundle', 'bin', 'cdktf'), join(modules, '.bin', 'cdktf'));
      }
      // what `cdktf init --template=typescript --enable-crash-reporting=false` writes, except that
      // the app is the compiled main.js (the fixture compiles it; the template runs ts-node)
      writeFileSync(
        join(appDir(), 'cdktf.json'),
        JSON.stringify({
          language: 'typescript',
          app: 'node main.js',
          projectId: 'b5f4c1de-1f4e-4d0a-8c55-2f0a5c4e9d11',
          sendCrashReports: 'false',
          terraformProviders: [],
          terraformModules: [],
          context: {},
        }),
      );
    }, 60_000);
    afterAll(async () => {
      await emulator?.stop();
    });

    it('the GitHub Actions steps: offline synth from the committed cache, the live check, deploy', async () => {
      // GIVEN the cache recorded on a workstation with credentials, as the README's workflow says
      rmSync(join(appDir(), 'cdktf.context.json'), { force: true });
      expect(synthApp(appDir(), emulatorEnv(emulator.endpointEnv)).status).toBe(0);
      expect(Object.keys(JSON.parse(readFileSync(join(appDir(), 'cdktf.context.json'), 'utf8')))).toEqual([
        ORDERS_CONTEXT_KEY,
      ]);
      const recorded = readFileSync(join(appDir(), 'cdktf.context.json'), 'utf8');

      const steps = parseWorkflowSteps(readmeBlock('# GitHub Actions steps (excerpt)', 'yaml'), {
        HW_PROJECT_ID: '0123456789abcdef0123456789abcdef',
        DIS_READONLY_AK: 'DEMOAK0000000000000A',
        DIS_READONLY_SK: 'demo-secret-key-0000000000000000000000000',
      });
      // `npm ci` is the install the app already did; every other step runs as written
      expect(steps.map((step) => step.run.split(' ').slice(0, 3).join(' '))).toEqual([
        'npm ci',
        'npx cdktf synth',
        'npx dis-transfer-tasks check',
        'npx cdktf deploy',
      ]);
      expect(steps[1].env).toEqual({ DIS_LOOKUP_MODE: 'offline' });
      for (const step of steps.slice(1)) {
        // the step with credentials talks to the emulator instead of Huawei Cloud; the others
        // have no credentials and must not send a single request
        const withCredentials = 'HW_REGION_NAME' in step.env;
        const before = (await emulator.requestLog()).length;
        const result = run(step.run, {
          CI: 'true',
          ...step.env,
          ...(withCredentials ? emulator.endpointEnv : {}),
        });
        const requests = (await emulator.requestLog()).length - before;
        if (result.status !== 0) {
          throw new Error(`step "${step.run}" exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
        }
        if (!withCredentials) expect({ step: step.run, requests }).toEqual({ step: step.run, requests: 0 });
        if (withCredentials) expect(requests).toBeGreaterThan(0);
        expect(result.stdout + result.stderr).not.toContain('demo-secret-key');
      }
      // the check wrote its JUnit report; the deploy applied the stack, whose output holds the
      // recorded task names; the committed cache is untouched
      expect(readFileSync(join(appDir(), 'dis-gate.xml'), 'utf8')).toMatch(/<testsuites [^>]*failures="0"/);
      const stackDir = join(appDir(), 'cdktf.out', 'stacks', 'pipeline');
      const stack = JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8'));
      const state = JSON.parse(readFileSync(resolve(stackDir, stack.terraform.backend.local.path), 'utf8'));
      expect([...state.outputs['dump-tasks'].value].sort()).toEqual(['orders-to-dli', 'orders-to-obs']);
      expect(readFileSync(join(appDir(), 'cdktf.context.json'), 'utf8')).toBe(recorded);
    }, 240_000);

    it('the unit test passes with jest, without network or credentials', () => {
      const tests = join(appDir(), '__tests__');
      mkdirSync(tests, { recursive: true });
      writeFileSync(
        join(tests, 'pipeline-test.ts'),
        readmeBlock('**Unit tests need neither network nor credentials:**', 'ts'),
      );
      // compiled with the template's tsconfig, as `npm run build` of the template does, then run
      const tsc = run(
        `${JSON.stringify(process.execPath)} ${JSON.stringify(join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'))} -p . --types node,jest --typeRoots ${JSON.stringify(join(ROOT, 'node_modules', '@types'))}`,
        {},
      );
      expect(tsc.stdout + tsc.stderr).toBe('');
      const config = { rootDir: appDir(), testEnvironment: 'node', testMatch: ['**/__tests__/*-test.js'] };
      const jest = run(
        `${JSON.stringify(process.execPath)} ${JSON.stringify(join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'))} --ci --config '${JSON.stringify(config)}'`,
        {},
      );
      expect(jest.stderr).toMatch(/Tests: +1 passed, 1 total/);
      expect(jest.status).toBe(0);
    }, 120_000);
  });
}
