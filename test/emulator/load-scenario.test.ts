import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmulatorScenarioError } from '../../src/emulator/errors';
import {
  loadScenario,
  parseScenario,
  scenarioJsonSchema,
  shippedScenarioPath,
} from '../../src/emulator/load-scenario';

const base = () => ({
  domain: { id: 'd1', name: 'acme' },
  projects: [
    {
      id: '0123456789abcdef0123456789abcdef',
      name: 'cn-north-4',
      region: 'cn-north-4',
      streams: [
        {
          name: 'orders',
          tasks: [{ taskName: 't1', taskId: 'id1', state: 'RUNNING', destinationType: 'OBS', createTime: 1 }],
        },
      ],
    },
  ],
});

function fieldPathOf(input: unknown): string {
  try {
    parseScenario(input);
  } catch (e) {
    expect(e).toBeInstanceOf(EmulatorScenarioError);
    return (e as EmulatorScenarioError).fieldPath;
  }
  throw new Error('expected the scenario to be refused');
}

describe('parseScenario', () => {
  it('applies defaults: quota 5, empty credentials, 24 h tokens', () => {
    const s = parseScenario(base());
    expect(s.projects[0].streams[0].transferTaskQuota).toBe(5);
    expect(s.credentials).toEqual({ accessKeys: [], tokens: [], users: [] });
    expect(s.tokenTtlSeconds).toBe(86400);
  });

  it('accepts open states and destination types (the service documents disagree)', () => {
    const input = base();
    input.projects[0].streams[0].tasks[0].state = 'HIBERNATING';
    input.projects[0].streams[0].tasks[0].destinationType = 'CLOUDTABLE';
    expect(parseScenario(input).projects[0].streams[0].tasks[0]).toMatchObject({
      state: 'HIBERNATING',
      destinationType: 'CLOUDTABLE',
    });
  });

  it.each([
    ['a bad project id', (s: ReturnType<typeof base>) => (s.projects[0].id = 'ABC'), 'projects[0].id'],
    ['a bad region', (s: ReturnType<typeof base>) => (s.projects[0].region = 'north'), 'projects[0].region'],
    [
      'a bad task name',
      (s: ReturnType<typeof base>) => (s.projects[0].streams[0].tasks[0].taskName = 'no spaces'),
      'projects[0].streams[0].tasks[0].taskName',
    ],
    [
      'a duplicate task',
      (s: ReturnType<typeof base>) =>
        s.projects[0].streams[0].tasks.push({ ...s.projects[0].streams[0].tasks[0], taskId: 'id2' }),
      'projects[0].streams[0].tasks[1].taskName',
    ],
    [
      'an unknown field',
      (s: ReturnType<typeof base>) => Object.assign(s.projects[0].streams[0], { taks: [] }),
      'projects[0].streams[0]',
    ],
    [
      'too many tasks for the quota',
      (s: ReturnType<typeof base>) => Object.assign(s.projects[0].streams[0], { transferTaskQuota: 0 }),
      'projects[0].streams[0].tasks',
    ],
    [
      'a credential granted an unknown project',
      (s: ReturnType<typeof base>) =>
        Object.assign(s, { credentials: { tokens: [{ token: 'tok-12345', projects: ['f'.repeat(32)] }] } }),
      'credentials.tokens[0].projects[0]',
    ],
    [
      'a user of another domain',
      (s: ReturnType<typeof base>) =>
        Object.assign(s, { credentials: { users: [{ name: 'u', password: 'p', domain: 'other' }] } }),
      'credentials.users[0].domain',
    ],
    [
      'a bad relative time',
      (s: ReturnType<typeof base>) =>
        Object.assign(s.projects[0].streams[0].tasks[0], { lastTransferTimestamp: 'yesterday' }),
      'projects[0].streams[0].tasks[0].lastTransferTimestamp',
    ],
  ])('refuses %s, naming the field', (_what, mutate, path) => {
    const input = base();
    mutate(input);
    expect(fieldPathOf(input)).toBe(path);
  });

  it('says where the scenario came from and how to fix it', () => {
    expect(() => parseScenario({ projects: [] }, 'my.json')).toThrow(
      /The emulator scenario my\.json is invalid at domain: .*Fix that field/,
    );
  });
});

describe('loadScenario', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'dis-scenario-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads both shipped scenarios with the values of scenarios/demo.json', () => {
    for (const [name, dliState] of [
      ['demo', 'RUNNING'],
      ['demo-paused', 'PAUSED'],
    ] as const) {
      const s = loadScenario(shippedScenarioPath(name));
      expect(s.projects.map((p) => [p.id, p.name, p.region])).toEqual([
        ['0123456789abcdef0123456789abcdef', 'cn-north-4', 'cn-north-4'],
      ]);
      const tasks = s.projects[0].streams.flatMap((st) =>
        st.tasks.map((t) => [st.name, t.taskName, t.destinationType, t.state]),
      );
      expect(tasks).toEqual([
        ['orders', 'orders-to-obs', 'OBS', 'RUNNING'],
        ['orders', 'orders-to-dli', 'DLI', dliState],
        ['clicks', 'clicks-to-obs', 'OBS', 'RUNNING'],
      ]);
      expect(s.credentials.accessKeys).toEqual([
        { accessKey: 'DEMOAK0000000000000A', secretKey: 'demo-secret-key-0000000000000000000000000' },
      ]);
      expect(s.credentials.tokens.map((t) => t.token)).toEqual(['demo-token-0000']);
      expect(s.credentials.users).toEqual([
        { name: 'demo-user', password: 'demo-password-0000', domain: 'demo-domain' },
      ]);
    }
  });

  it('refuses a file that is not JSON, and one that does not exist, naming the file', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ nope');
    expect(() => loadScenario(file)).toThrow(/broken\.json is invalid: it is not JSON/);
    expect(() => loadScenario(join(dir, 'missing.json'))).toThrow(
      /missing\.json is invalid: the file cannot be read \(ENOENT\)/,
    );
  });
});

describe('scenarioJsonSchema', () => {
  it('matches the shipped scenarios/scenario.schema.json (regenerate with `npm run emulator:schema`)', () => {
    const shipped = JSON.parse(
      readFileSync(join(__dirname, '..', '..', 'scenarios', 'scenario.schema.json'), 'utf8'),
    );
    expect(shipped).toEqual(scenarioJsonSchema());
  });

  it('describes tasks with the field names scenario files use', () => {
    const schema = JSON.stringify(scenarioJsonSchema());
    for (const field of [
      'taskName',
      'taskId',
      'destinationType',
      'lastTransferTimestamp',
      'transferTaskQuota',
    ]) {
      expect(schema).toContain(`"${field}"`);
    }
  });
});
