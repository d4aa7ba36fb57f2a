import { App, TerraformStack } from 'cdktf';
import { join } from 'node:path';
import { DisTransferTasksAssertion, Enforcement } from '../../../src/assertion/dis-transfer-tasks-assertion';
import type { ITransferTasksLookup } from '../../../src/lookup/dis-transfer-tasks';
import { DEMO, tokenEnv } from '../support/demo-emulator';
import { expectExit, runCli } from '../support/run-cli';
import { useCommandSuite } from '../support/command-suite';

// The contract with the assertion's APPLY enforcement: the gate file it writes beside the stack is
// what `check --gate-file` reads, run from the stack folder as its local-exec provisioner does.

const suite = useCommandSuite({ tmp: true });

/** Synthesizes a stack whose assertion uses APPLY enforcement; returns the stack folder and the gate file's name. */
function synthApplyGate(): { stackDir: string; gateFileName: string } {
  const app = new App({ outdir: join(suite.tmp.dir, 'cdktf.out') });
  const stack = new TerraformStack(app, 'pipeline');
  // What the lookup recorded at synth: everything running (the live check decides at apply).
  const lookup: ITransferTasksLookup = {
    region: DEMO.region,
    projectId: DEMO.projectId,
    allStreams: false,
    endpoint: suite.emulator.url,
    snapshots: ['orders', 'clicks'].map((streamName) => ({
      streamName,
      region: DEMO.region,
      projectId: DEMO.projectId,
      tasks: [{ taskName: `${streamName}-to-obs`, state: 'RUNNING', destinationType: 'OBS', createTime: 0 }],
      totalNumber: 1,
      fetchedAt: new Date().toISOString(),
      source: 'context',
      warnings: [],
      streamExists: true,
    })),
  };
  const gate = new DisTransferTasksAssertion(stack, 'dis-gate', {
    lookup,
    enforcement: Enforcement.APPLY,
    requiredTasks: ['orders/orders-to-obs'],
  });
  app.synth();
  return {
    stackDir: join(suite.tmp.dir, 'cdktf.out', 'stacks', 'pipeline'),
    gateFileName: gate.gateFileName!,
  };
}

describe('check --gate-file with the file APPLY enforcement writes', () => {
  test('passes while the tasks run and fails (exit 1) once one pauses after synth', async () => {
    // GIVEN
    const { stackDir, gateFileName } = synthApplyGate();
    const env = tokenEnv(suite.emulator);
    delete env.HW_DIS_ENDPOINT; // the endpoint comes from the gate file
    // WHEN
    const healthy = await runCli(['check', '--gate-file', gateFileName], { env, cwd: stackDir });
    await suite.emulator.setTaskState('orders', 'orders-to-obs', 'PAUSED');
    const paused = await runCli(['check', '--gate-file', gateFileName], { env, cwd: stackDir });
    // THEN
    expectExit(healthy, 0);
    expect(healthy.stdout).toContain('gate passed for orders, clicks');
    expectExit(paused, 1);
    expect(paused.stdout).toContain('ERROR DIS-TASK-STATE: task orders/orders-to-obs is PAUSED');
  });
});
