// Stream and task names: the client and the emulator apply one rule (1-64 letters, digits, "_" and
// "-"), so a name the emulator serves is one the client asks for, and one it refuses is refused by
// the client before any request.
import { DisClient } from '../../src/client/dis-client';
import { DisEmulator, parseScenario, type ScenarioInput } from '../../src/emulator';

const PROJECT = '0123456789abcdef0123456789abcdef';
const LONGEST = `s${'x'.repeat(62)}9`; // 64 characters
const TASK = `t${'y'.repeat(63)}`; // 64 characters

function scenario(streamName: string, taskName = TASK): ScenarioInput {
  return {
    domain: { id: 'd1', name: 'dom' },
    projects: [
      {
        id: PROJECT,
        name: 'cn-north-4',
        region: 'cn-north-4',
        streams: [
          {
            name: streamName,
            tasks: [{ taskName, taskId: 'id1', state: 'RUNNING', destinationType: 'OBS', createTime: 1 }],
          },
        ],
      },
    ],
    credentials: { tokens: [{ token: 'names-token-0001' }] },
  };
}

describe('stream and task names up to 64 characters', () => {
  let emulator: DisEmulator;
  beforeAll(async () => (emulator = await DisEmulator.start({ scenario: scenario(LONGEST) })));
  afterAll(() => emulator.stop());

  const client = () =>
    new DisClient({
      env: { ...emulator.endpointEnv, HW_REGION_NAME: 'cn-north-4', HW_PROJECT_ID: PROJECT },
      credentials: { authToken: 'names-token-0001' },
    });

  test('a 64-character stream the emulator serves is listed and shown by the client', async () => {
    expect(LONGEST).toHaveLength(64);
    const list = await client().listTransferTasks(LONGEST);
    expect(list.tasks.map((t) => t.taskName)).toEqual([TASK]);
    await expect(client().showTransferTask(LONGEST, TASK)).resolves.toMatchObject({ streamName: LONGEST });
  });

  test('65 characters are refused by both: the scenario on load, the client before any request', async () => {
    expect(() => parseScenario(scenario(`${LONGEST}z`))).toThrow(
      expect.objectContaining({ code: 'DIS_EMULATOR_SCENARIO_INVALID' }),
    );
    expect(() => parseScenario(scenario(LONGEST, `${TASK}z`))).toThrow(
      expect.objectContaining({ code: 'DIS_EMULATOR_SCENARIO_INVALID' }),
    );
    const before = emulator.requests.length;
    await expect(client().listTransferTasks(`${LONGEST}z`)).rejects.toMatchObject({
      code: 'DIS_CONFIG_ERROR',
      field: 'streamName',
    });
    await expect(client().showTransferTask(LONGEST, `${TASK}z`)).rejects.toMatchObject({
      code: 'DIS_CONFIG_ERROR',
      field: 'taskName',
    });
    expect(emulator.requests).toHaveLength(before);
  });
});
