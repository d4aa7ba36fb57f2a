import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, TerraformStack, Testing } from 'cdktf';
import { startEmulatorProcess, type EmulatorHandle } from '../../src/emulator';
import { flushRecordings, MemoryContextStore, type IContextStore } from '../../src/lookup/context-store';
import { DisTransferTasks, LookupMode } from '../../src/lookup/dis-transfer-tasks';
import { Duration } from '../../src/lookup/duration';
import { TransferTasksContext } from '../../src/lookup/context-entry';
import { PROJECT_ID, REGION, scenarioWithStreams, useEmulatorEnv } from './helpers';

// Issue 10 item 6 (DESIGN decision 14): lookups record into memory, and each store is updated once
// per synth, when synth starts; issue 10 item 2: maxAge re-fetches what is too old.

const STREAMS = 12;

/** A store that counts its updates and keeps what they wrote. */
class CountingStore implements IContextStore {
  public readonly updates: Array<Record<string, unknown>> = [];
  public readonly inner = new MemoryContextStore();
  public failWith?: Error;
  public read(): Record<string, unknown> {
    return this.inner.read();
  }
  public get(key: string): unknown {
    return this.inner.get(key);
  }
  public update(entries: Record<string, unknown>): void {
    if (this.failWith) throw this.failWith;
    this.updates.push(entries);
    this.inner.update(entries);
  }
}

let emu: EmulatorHandle;
let restoreEnv: () => void;
let outdir: string;
beforeAll(async () => {
  emu = await startEmulatorProcess({
    scenario: scenarioWithStreams(Array.from({ length: STREAMS }, (_, i) => `s${i}`)),
  });
});
afterAll(() => emu.stop());
beforeEach(async () => {
  await emu.reset();
  restoreEnv = useEmulatorEnv(emu);
  outdir = mkdtempSync(join(tmpdir(), 'dis-write-behind-'));
});
afterEach(() => {
  flushRecordings();
  restoreEnv();
  rmSync(outdir, { recursive: true, force: true });
});

const listRequests = async () => (await emu.requestLog()).filter((r) => r.route === 'ListTransferTasks');

describe('one write per synth', () => {
  test(`${STREAMS} lookups in two stacks update the store once, when synth starts, and not again`, () => {
    // GIVEN an app whose lookups fetch (nothing recorded yet)
    const store = new CountingStore();
    const app = new App({ outdir });
    const stacks = [new TerraformStack(app, 'a'), new TerraformStack(app, 'b')];
    for (let i = 0; i < STREAMS; i++) {
      new DisTransferTasks(stacks[i % 2], `s${i}`, { streamName: `s${i}`, contextStore: store });
    }
    // THEN nothing is written while the constructs are built
    expect(store.updates).toHaveLength(0);
    // WHEN the app synthesizes, twice
    app.synth();
    app.synth();
    // THEN one update holds every entry
    expect(store.updates).toHaveLength(1);
    expect(Object.keys(store.updates[0]).sort()).toEqual(
      Array.from({ length: STREAMS }, (_, i) => `dis-transfer-tasks:${REGION}:${PROJECT_ID}:s${i}`).sort(),
    );
  });

  test('a second lookup of a key recorded in this synth is served from the recording, without a request', async () => {
    const store = new CountingStore();
    const stack = new TerraformStack(new App({ outdir }), 'a');
    const first = new DisTransferTasks(stack, 'One', { streamName: 's1', contextStore: store });
    const second = new DisTransferTasks(stack, 'Two', { streamName: 's1', contextStore: store });
    expect([first.source, second.source]).toEqual(['api', 'cache']);
    expect(second.tasks).toEqual(first.tasks);
    expect(await listRequests()).toHaveLength(1);
  });

  test('live mode records nothing: no update at all', () => {
    const store = new CountingStore();
    const app = new App({ outdir });
    new DisTransferTasks(new TerraformStack(app, 'a'), 'One', {
      streamName: 's1',
      contextStore: store,
      mode: LookupMode.LIVE,
    });
    app.synth();
    expect(store.updates).toHaveLength(0);
  });

  test('a store that refuses the write fails synth with its own error', () => {
    const store = new CountingStore();
    store.failWith = Object.assign(new Error('DIS_CONTEXT_FILE_ACCESS: the store refused'), { code: 'X' });
    const app = new App({ outdir });
    new DisTransferTasks(new TerraformStack(app, 'a'), 'One', { streamName: 's1', contextStore: store });
    expect(() => app.synth()).toThrow('DIS_CONTEXT_FILE_ACCESS: the store refused');
  });

  test('Testing.synth writes the recordings too (it runs aspects)', () => {
    const store = new CountingStore();
    const stack = new TerraformStack(Testing.app(), 'a');
    new DisTransferTasks(stack, 'One', { streamName: 's1', contextStore: store });
    Testing.synth(stack);
    expect(store.updates.map((u) => Object.keys(u))).toEqual([
      [`dis-transfer-tasks:${REGION}:${PROJECT_ID}:s1`],
    ]);
  });
});

describe('maxAge', () => {
  const key = `dis-transfer-tasks:${REGION}:${PROJECT_ID}:s1`;
  const recordedAt = (fetchedAt: string) =>
    TransferTasksContext.entry({
      region: REGION,
      projectId: PROJECT_ID,
      streamName: 's1',
      fetchedAt,
      tasks: [{ taskName: 's1-to-obs', state: 'PAUSED', destinationType: 'OBS', createTime: 1 }],
    });

  test('auto: an entry older than maxAge is fetched again and recorded', async () => {
    // GIVEN an entry recorded two days ago, when the task was PAUSED (it runs now)
    const store = new CountingStore();
    store.inner.update({ [key]: recordedAt(new Date(Date.now() - 2 * 86_400_000).toISOString()).value });
    const app = new App({ outdir });
    // WHEN
    const lookup = new DisTransferTasks(new TerraformStack(app, 'a'), 'One', {
      streamName: 's1',
      contextStore: store,
      maxAge: Duration.days(1),
    });
    app.synth();
    // THEN
    expect(lookup.source).toBe('api');
    expect(lookup.tasks.map((t) => t.state)).toEqual(['RUNNING']);
    expect(await listRequests()).toHaveLength(1);
    expect((store.get(key) as { tasks: Array<{ state: string }> }).tasks[0].state).toBe('RUNNING');
  });

  test('auto: an entry younger than maxAge is served from the cache', async () => {
    const store = new CountingStore();
    store.inner.update({ [key]: recordedAt(new Date(Date.now() - 3_600_000).toISOString()).value });
    const lookup = new DisTransferTasks(new TerraformStack(new App({ outdir }), 'a'), 'One', {
      streamName: 's1',
      contextStore: store,
      maxAge: Duration.days(1),
    });
    expect([lookup.source, lookup.tasks[0].state]).toEqual(['cache', 'PAUSED']);
    expect(await listRequests()).toHaveLength(0);
  });

  test('auto: an entry dated in the future is fetched again', async () => {
    const store = new CountingStore();
    store.inner.update({ [key]: recordedAt(new Date(Date.now() + 86_400_000).toISOString()).value });
    const lookup = new DisTransferTasks(new TerraformStack(new App({ outdir }), 'a'), 'One', {
      streamName: 's1',
      contextStore: store,
      maxAge: Duration.days(7),
    });
    expect(lookup.source).toBe('api');
    expect(await listRequests()).toHaveLength(1);
  });
});
