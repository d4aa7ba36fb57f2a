import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { App, TerraformStack } from 'cdktf';
import {
  DisTransferTasksAssertion,
  GateReportFormat,
  type DisTransferTasksAssertionProps,
} from '../../src/assertion/dis-transfer-tasks-assertion';
import { creationSite, repositoryRoot } from '../../src/assertion/report-files';
import type { SarifLog } from '../../src/assertion/sarif-log';
import { DisError } from '../../src/client/errors';
import { demo, lookupOf } from './gate-fixtures';
import { multitoolFindings, sarifSchemaErrors } from './sarif-validators';

const reason = 'tracked in OPS-1234, resumes after the DLI migration';
const KEY = 'dis-transfer-tasks:cn-north-4:0123456789abcdef0123456789abcdef:orders';
let outdir: string;
let contextFile: string;

beforeEach(() => {
  outdir = mkdtempSync(join(tmpdir(), 'dis-reports-'));
  // The context cache the lookups recorded orders in: its entry is on line 3.
  contextFile = join(outdir, 'cdktf.context.json');
  writeFileSync(contextFile, `{\n  "other": 1,\n  "${KEY}": {}\n}\n`);
  process.env.DIS_LOOKUP_CONTEXT_FILE = contextFile;
});
afterEach(() => {
  delete process.env.DIS_LOOKUP_CONTEXT_FILE;
  rmSync(outdir, { recursive: true, force: true });
});

/** orders from the cache (orders-to-dli PAUSED), clicks from cdktf context. */
function lookup() {
  const [orders, clicks] = demo('PAUSED');
  return lookupOf([{ ...orders, source: 'cache', fetchedAt: new Date().toISOString() }, clicks]);
}

function gate(props: Partial<DisTransferTasksAssertionProps>): { app: App; line: number } {
  const app = new App({ outdir, stackTraces: false });
  const stack = new TerraformStack(app, 'demo');
  const line = Number(new Error().stack!.split('\n')[1].match(/:(\d+):\d+\)?$/)![1]) + 1;
  new DisTransferTasksAssertion(stack, 'Gate', { lookup: lookup(), ...props });
  return { app, line };
}

const file = (name: string) => join(outdir, 'stacks/demo', name);

describe('DisTransferTasksAssertion reportFormats', () => {
  test('SARIF beside the JSON report: valid, located in the stack file and the context cache', () => {
    // GIVEN a failing gate with an acknowledged finding and SARIF asked for
    const { app, line } = gate({
      reportFormats: [GateReportFormat.JSON, GateReportFormat.SARIF],
      requiredTasks: ['orders-to-dws'],
      acknowledgements: [{ ruleId: 'DIS-TASK-REQUIRED', task: 'orders-to-dws', reason }],
    });
    // WHEN synth fails on the paused task
    expect(() => app.synth()).toThrow('DIS-TASK-STATE');
    // THEN both reports are written, and the SARIF log is valid
    expect(existsSync(file('dis-gate.Gate.report.json'))).toBe(true);
    const log: SarifLog = JSON.parse(readFileSync(file('dis-gate.Gate.report.sarif'), 'utf8'));
    expect(sarifSchemaErrors(log)).toEqual([]);
    // (No homepage in package.json yet: then the Multitool misses the tool's informationUri.)
    const { homepage } = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));
    expect(multitoolFindings(log).filter((f) => homepage !== undefined || f.ruleId !== 'SARIF2005')).toEqual(
      [],
    );
    const [run] = log.runs;
    const root = repositoryRoot(process.cwd());
    expect(run.originalUriBaseIds?.['%SRCROOT%'].uri).toBe(`file://${root}/`);
    // AND the task's state points at the cache entry it was read from
    const state = run.results.find((r) => r.ruleId === 'DIS-TASK-STATE')!;
    expect(state.locations[0]).toEqual({
      physicalLocation: {
        artifactLocation: expect.objectContaining({ uri: expect.stringMatching(/cdktf\.context\.json$/) }),
        region: { startLine: 3 },
      },
      logicalLocations: [{ fullyQualifiedName: 'demo/Gate', kind: 'resource' }],
    });
    // AND the gate's configuration points at the line of this file that created the gate
    const required = run.results.find((r) => r.ruleId === 'DIS-TASK-REQUIRED')!;
    expect(required.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: relative(root, __filename), uriBaseId: '%SRCROOT%' },
      region: { startLine: line },
    });
    expect(required.suppressions).toEqual([{ kind: 'inSource', status: 'accepted', justification: reason }]);
  });

  test("the lookup's own contextFile is where its recorded entries are pointed at", () => {
    // GIVEN a lookup given another cache file, whose orders entry is on line 2
    const own = join(outdir, 'team.context.json');
    writeFileSync(own, `{\n  "${KEY}": {}\n}\n`);
    const app = new App({ outdir, stackTraces: false });
    new DisTransferTasksAssertion(new TerraformStack(app, 'demo'), 'Gate', {
      lookup: { ...lookup(), contextFile: own },
      reportFormats: [GateReportFormat.SARIF],
    });
    expect(() => app.synth()).toThrow('DIS-TASK-STATE');
    // THEN the task state finding points there, not at DIS_LOOKUP_CONTEXT_FILE
    const log: SarifLog = JSON.parse(readFileSync(file('dis-gate.Gate.report.sarif'), 'utf8'));
    const { physicalLocation } = log.runs[0].results[0].locations[0];
    expect(physicalLocation.artifactLocation.uri).toMatch(/team\.context\.json$/);
    expect(physicalLocation.region).toEqual({ startLine: 2 });
  });

  test('only the formats asked for are written; the default is JSON alone', () => {
    const sarifOnly = gate({ reportFormats: [GateReportFormat.SARIF], allowedStates: ['RUNNING', 'PAUSED'] });
    sarifOnly.app.synth();
    expect([
      existsSync(file('dis-gate.Gate.report.json')),
      existsSync(file('dis-gate.Gate.report.sarif')),
    ]).toEqual([false, true]);
    rmSync(join(outdir, 'stacks'), { recursive: true });
    const byDefault = gate({ allowedStates: ['RUNNING', 'PAUSED'] });
    byDefault.app.synth();
    expect([
      existsSync(file('dis-gate.Gate.report.json')),
      existsSync(file('dis-gate.Gate.report.sarif')),
    ]).toEqual([true, false]);
  });

  test('an unknown format is a coded configuration error naming the valid ones', () => {
    let caught: unknown;
    try {
      gate({ reportFormats: ['csv' as GateReportFormat] });
    } catch (e) {
      caught = e;
    }
    expect((caught as DisError).code).toBe('DIS_GATE_CONFIG_INVALID');
    expect((caught as Error).message).toContain(
      'The prop reportFormats of DisTransferTasksAssertion demo/Gate is not a list of report formats: use GateReportFormat.JSON and/or GateReportFormat.SARIF (json, sarif).',
    );
  });
});

describe('creationSite', () => {
  test("the first frame outside this package, node_modules and Node's internals", () => {
    const own = join(__dirname, '..', '..');
    const stack = [
      'Error',
      `    at creationSite (${own}/lib/assertion/report-files.js:30:10)`,
      `    at new DisTransferTasksAssertion (${own}/src/assertion/dis-transfer-tasks-assertion.ts:9:1)`,
      '    at Module._compile (node:internal/modules/cjs/loader:1554:14)',
      '    at Object.<anonymous> (/app/node_modules/cdktf/lib/app.js:10:3)',
      '    at new MyStack (/app/main.ts:42:5)',
    ].join('\n');
    expect(creationSite(stack)).toEqual({ path: '/app/main.ts', line: 42 });
    expect(creationSite('Error\n    at file:///app/main.mjs:7:1')).toEqual({
      path: '/app/main.mjs',
      line: 7,
    });
    expect(creationSite('Error\n    at <anonymous>')).toBeUndefined();
  });
});
