import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startEmulatorProcess, type EmulatorHandle } from '../../src/emulator';
import { describePackedApp, emulatorEnv, ROOT, runInApp } from './packed-app';
import { describeReadmeSnippets } from './readme-snippets';

// An app whose gate re-checks the tasks at apply time with the DEFAULT cliCommand
// (`node "<the installed package's lib/cli/main.js>"`): terraform runs it from the stack folder.
const APPLY_GATE_APP = `
const { App, TerraformStack } = require('cdktf');
const { DisTransferTasks, DisTransferTasksAssertion, Enforcement } = require('cdktf-dis-transfer-tasks');
const app = new App({ outdir: 'apply.out' });
const stack = new TerraformStack(app, 'gated');
const lookup = new DisTransferTasks(stack, 'orders', { streamName: 'orders', mode: 'live' });
new DisTransferTasksAssertion(stack, 'gate', { lookup, enforcement: Enforcement.APPLY });
app.synth();
`;

// What users get is what we test: the tarball `npm pack` makes, installed into a fresh cdktf 0.21
// app from the npm cache, compiled against its declarations and synthesized against the emulator.
describePackedApp(
  'the packed package in a fresh cdktf 0.21 app',
  { cdktf: '0.21.0', constructs: '10.8.1' },
  (appDir) => {
    describeReadmeSnippets(appDir);

    describe('APPLY enforcement with the default cliCommand', () => {
      let emulator: EmulatorHandle;
      const stackDir = () => join(appDir(), 'apply.out', 'stacks', 'gated');
      const env = () => emulatorEnv(emulator.endpointEnv);
      const apply = () =>
        runInApp(stackDir(), 'terraform', ['apply', '-auto-approve', '-input=false', '-no-color'], env());

      beforeAll(async () => {
        emulator = await startEmulatorProcess({ scenario: join(ROOT, 'scenarios', 'demo.json') });
        writeFileSync(join(appDir(), 'apply-gate.js'), APPLY_GATE_APP);
      }, 60_000);
      afterAll(async () => {
        await emulator?.stop();
      });

      it('terraform apply runs the installed CLI: passes while the tasks run, fails once one is paused', async () => {
        // GIVEN a synthesized stack with an APPLY gate
        const synth = runInApp(appDir(), process.execPath, ['apply-gate.js'], env());
        expect(synth.stderr).toBe('');
        expect(synth.status).toBe(0);
        const init = runInApp(stackDir(), 'terraform', ['init', '-input=false', '-no-color'], {});
        expect(init.status).toBe(0);

        // WHEN every task runs, THEN apply passes through the check
        const healthy = apply();
        const cli = join(appDir(), 'node_modules', 'cdktf-dis-transfer-tasks', 'lib', 'cli', 'main.js');
        // terraform shows the command line as a JSON string
        expect(healthy.stdout).toContain(
          `Executing: ["/bin/sh" "-c" ${JSON.stringify(`node "${cli}" check --gate-file`)}`.slice(0, -1),
        );
        expect(healthy.status).toBe(0);

        // WHEN a task pauses after synth, THEN the next apply fails on the live check
        await emulator.setTaskState('orders', 'orders-to-dli', 'PAUSED');
        const paused = apply();
        expect(paused.status).toBe(1);
        expect(paused.stdout + paused.stderr).toMatch(/DIS-TASK-STATE: task orders\/orders-to-dli is PAUSED/);

        // AND no credential reached terraform's output or state
        const stack = JSON.parse(readFileSync(join(stackDir(), 'cdk.tf.json'), 'utf8'));
        const state = readFileSync(resolve(stackDir(), stack.terraform.backend.local.path), 'utf8');
        expect(state).toContain('terraform_data');
        for (const text of [healthy.stdout, healthy.stderr, paused.stdout, paused.stderr, state]) {
          expect(text).not.toContain('demo-secret-key');
        }
      }, 180_000);
    });
  },
);
