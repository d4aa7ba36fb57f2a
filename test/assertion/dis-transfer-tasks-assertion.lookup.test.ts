import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, TerraformStack } from 'cdktf';
import { DisTransferTasksAssertion, Enforcement } from '../../src/assertion/dis-transfer-tasks-assertion';
import { DisProjectTransferTasks, DisTransferTasks } from '../../src/lookup/dis-transfer-tasks';
import { demoTasks, DEMO_FETCHED_AT } from './e2e-helpers';

// The assertion over the real lookups, fed through cdktf context (the documented unit-test path).
const REGION = 'cn-north-4';
const PROJECT = '0123456789abcdef0123456789abcdef';
const key = (stream: string): string => `dis-transfer-tasks:${REGION}:${PROJECT}:${stream}`;
const value = (tasks: object[]): object => ({
  fetchedAt: DEMO_FETCHED_AT,
  totalNumber: tasks.length,
  warnings: [],
  tasks,
});
const clicks = [
  {
    taskName: 'clicks-to-obs',
    state: 'ABNORMAL',
    destinationType: 'OBS',
    createTime: 1764547440000,
    lastTransferTimestamp: 1795867140000,
  },
];
let outdir: string;

beforeEach(() => {
  outdir = mkdtempSync(join(tmpdir(), 'dis-assertion-lookup-'));
});
afterEach(() => rmSync(outdir, { recursive: true, force: true }));

function app(): App {
  return new App({
    outdir,
    stackTraces: false,
    context: {
      [key('*')]: { fetchedAt: DEMO_FETCHED_AT, streams: ['clicks', 'orders'] },
      [key('orders')]: value(demoTasks('RUNNING')),
      [key('clicks')]: value(clicks),
    },
  });
}

describe('DisTransferTasksAssertion over the real lookups', () => {
  test('a project-wide lookup gates every stream and names the failing one', () => {
    const a = app();
    const stack = new TerraformStack(a, 'demo');
    const lookup = new DisProjectTransferTasks(stack, 'All', { region: REGION, projectId: PROJECT });
    new DisTransferTasksAssertion(stack, 'Gate', { lookup });
    expect(() => a.synth()).toThrow(
      'DIS transfer task gate failed for clicks, orders: 1 error, 0 warnings, 0 acknowledged.\n' +
        '  ERROR DIS-TASK-STATE: task clicks/clicks-to-obs is ABNORMAL; allowed: RUNNING.',
    );
  });

  test('apply enforcement over a project-wide lookup checks all streams live', () => {
    const a = app();
    const stack = new TerraformStack(a, 'demo');
    const lookup = new DisProjectTransferTasks(stack, 'All', { region: REGION, projectId: PROJECT });
    new DisTransferTasksAssertion(stack, 'Gate', {
      lookup,
      enforcement: Enforcement.APPLY,
      ignoreTasks: ['clicks/clicks-to-obs'],
    });
    a.synth();
    const gateFile = JSON.parse(readFileSync(join(outdir, 'stacks/demo/dis-gate.Gate.gate.json'), 'utf8'));
    expect(gateFile.target).toEqual({ region: REGION, projectId: PROJECT, allStreams: true });
    expect(gateFile.rules).toEqual({ ignoreTasks: ['clicks/clicks-to-obs'] });
  });

  test('a one-stream lookup: the report records where the snapshot came from, when, and its age', () => {
    // The gate measures the snapshot's age with the clock at synth: one hour after the fetch here.
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse(DEMO_FETCHED_AT) + 3_600_000);
    const a = app();
    const stack = new TerraformStack(a, 'demo');
    const lookup = new DisTransferTasks(stack, 'Orders', {
      streamName: 'orders',
      region: REGION,
      projectId: PROJECT,
    });
    const gate = new DisTransferTasksAssertion(stack, 'Gate', { lookup, requiredTasks: ['orders-to-obs'] });
    a.synth();
    expect(gate.report.streams).toEqual([
      {
        streamName: 'orders',
        projectId: PROJECT,
        region: REGION,
        fetchedAt: DEMO_FETCHED_AT,
        ageSeconds: 3600,
        source: 'context',
        streamExists: true,
        tasks: ['orders-to-dli', 'orders-to-obs'],
      },
    ]);
    expect(gate.report.evaluatedAt).toBe('2026-11-28T13:00:00.000Z');
    jest.restoreAllMocks();
  });
});
