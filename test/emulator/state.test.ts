import { EmulatorState } from '../../src/emulator/state';
import { loadScenario, shippedScenarioPath } from '../../src/emulator/load-scenario';

describe('EmulatorState', () => {
  let now = 1_000_000;
  const state = () => new EmulatorState(loadScenario(shippedScenarioPath('demo')), () => now);
  const task = (s: EmulatorState, name: string) =>
    s.stream(s.projects[0].id, 'orders')!.tasks.find((t) => t.taskName === name)!;

  it('resolves relative times against its clock at each call', () => {
    const s = state();
    expect(s.resolveTime('now-60s')).toBe(now - 60_000);
    now += 1000;
    expect(s.resolveTime('now')).toBe(now);
    expect(s.resolveTime(42)).toBe(42);
  });

  it('freezes the last transfer when a task leaves RUNNING and refreshes it when it returns', () => {
    const s = state();
    s.setTaskState('orders', 'orders-to-dli', 'PAUSED');
    const frozen = now - 60_000;
    now += 10_000;
    expect(s.resolveTime(task(s, 'orders-to-dli').lastTransferTimestamp)).toBe(frozen);
    s.setTaskState('orders', 'orders-to-dli', 'RUNNING');
    expect(s.resolveTime(task(s, 'orders-to-dli').lastTransferTimestamp)).toBe(now);
  });

  it('does not share state with its scenario: reset brings the scenario back', () => {
    const scenario = loadScenario(shippedScenarioPath('demo'));
    const s = new EmulatorState(scenario, () => now);
    s.removeTask('orders', 'orders-to-obs');
    expect(scenario.projects[0].streams[0].tasks).toHaveLength(2);
    s.reset();
    expect(s.stream(s.projects[0].id, 'orders')!.tasks).toHaveLength(2);
  });

  it('knows scenario tokens and issued ones, with expiry', () => {
    const s = state();
    expect(s.token('demo-token-0000')).toEqual({ projects: undefined, expiresAt: undefined });
    const issued = s.issueToken(['p'], 60);
    expect(issued.expiresAt).toBe(now + 60_000);
    expect(s.token(issued.token)).toEqual({ projects: ['p'], expiresAt: now + 60_000 });
    s.reset();
    expect(s.token(issued.token)).toBeUndefined();
  });
});

describe('EmulatorState starting tasks', () => {
  let now = 1_000_000;
  const withStarting = (startingMs: number) => {
    const scenario = loadScenario(shippedScenarioPath('demo-paused'));
    return new EmulatorState({ ...scenario, startingMs }, () => now);
  };
  const dli = (s: EmulatorState) => s.stream(s.projects[0].id, 'orders')!.tasks[1];

  it('runs a started task at once by default', () => {
    const s = withStarting(0);
    s.startTask('orders', 'orders-to-dli');
    expect(dli(s).state).toBe('RUNNING');
  });

  it('keeps a started task STARTING for startingMs, then RUNNING with a fresh last transfer', () => {
    const s = withStarting(30_000);
    s.startTask('orders', 'orders-to-dli');
    expect(dli(s).state).toBe('STARTING');
    now += 29_999;
    s.settle();
    expect(dli(s).state).toBe('STARTING');
    now += 1;
    s.settle();
    expect(dli(s).state).toBe('RUNNING');
    expect(s.resolveTime(dli(s).lastTransferTimestamp)).toBe(now);
  });

  it('lets an explicit state change win over a pending start', () => {
    const s = withStarting(30_000);
    s.startTask('orders', 'orders-to-dli');
    s.setTaskState('orders', 'orders-to-dli', 'ERROR');
    now += 60_000;
    s.settle();
    expect(dli(s).state).toBe('ERROR');
  });
});
