import fc from 'fast-check';
import docExample from '../fixtures/api/list-transfer-tasks.doc-example.json';
import full from '../fixtures/api/list-transfer-tasks.full.json';
import disNative from '../fixtures/api/error.dis-native.json';
import gateway from '../fixtures/api/error.gateway.json';
import keystone from '../fixtures/api/error.keystone.json';
import {
  ListTransferTasksResponseSchema,
  parseErrorBody,
  ShowTransferTaskResponseSchema,
} from '../../src/client/schemas';

describe('ListTransferTasksResponseSchema', () => {
  test('accepts the official example, which has task_id and no quota', () => {
    const parsed = ListTransferTasksResponseSchema.parse(docExample);
    expect(parsed.quota).toBeUndefined();
    expect(parsed.tasks?.[0].task_id).toBe('As805BudhcH1lDs6gbn');
  });

  test('accepts every documented field and lets unknown fields through', () => {
    const parsed = ListTransferTasksResponseSchema.parse({ ...full, extra: 1 });
    expect(parsed.quota).toBe(3);
    expect((parsed as Record<string, unknown>).extra).toBe(1);
  });

  test('accepts undocumented state and destination values as strings', () => {
    const body = {
      total_number: 1,
      tasks: [{ ...full.tasks[0], state: 'FROZEN', destination_type: 'KAFKA' }],
    };
    expect(ListTransferTasksResponseSchema.parse(body).tasks?.[0].state).toBe('FROZEN');
  });

  test('names the path of a violation', () => {
    const result = ListTransferTasksResponseSchema.safeParse({
      total_number: 1,
      tasks: [{ task_name: 'x' }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain('tasks.0.state');
  });
});

describe('ShowTransferTaskResponseSchema', () => {
  const task = { task_name: 't', state: 'RUNNING', create_time: 1 };

  test('keeps a destination description under a misspelt key', () => {
    const parsed = ShowTransferTaskResponseSchema.parse({
      ...task,
      destination_type: 'DWS',
      dws_destination_descripton: { dws_database_name: 'db' },
    }) as Record<string, unknown>;
    expect(parsed.dws_destination_descripton).toEqual({ dws_database_name: 'db' });
  });

  test('refuses a description that is not an object', () => {
    const r = ShowTransferTaskResponseSchema.safeParse({
      ...task,
      destination_type: 'OBS',
      obs_destination_description: 'bucket',
    });
    expect(r.success).toBe(false);
  });
});

describe('parseErrorBody', () => {
  test.each([
    ['DIS errorCode/message', disNative, 'DIS.4301', 'Stream does not exist. [name][project]'],
    ['gateway error_code/error_msg', gateway, 'APIGW.0308', gateway.error_msg],
    ['keystone error.code/message', keystone, '401', 'The request you have made requires authentication.'],
  ])('reads the %s shape', (_shape, body, code, message) => {
    expect(parseErrorBody(JSON.stringify(body))).toEqual({ code, message });
  });

  test.each([
    ['not JSON', '<html>502</html>'],
    ['another JSON shape', '{"oops":true}'],
    ['empty', ''],
  ])('gives nothing for %s', (_what, text) => {
    expect(parseErrorBody(text)).toEqual({});
  });
});

describe('parseErrorBody, property-based', () => {
  test('any text gives a code and a message that are strings or absent, never an exception', () => {
    const shaped = fc.oneof(
      fc.record({ errorCode: fc.jsonValue(), message: fc.jsonValue() }, { requiredKeys: [] }),
      fc.record({ error_code: fc.jsonValue(), error_msg: fc.jsonValue() }, { requiredKeys: [] }),
      fc.record({
        error: fc.oneof(fc.jsonValue(), fc.record({ code: fc.jsonValue(), message: fc.jsonValue() })),
      }),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
          shaped.map((v) => JSON.stringify(v)),
        ),
        (text) => {
          const parsed = parseErrorBody(text);
          for (const value of [parsed.code, parsed.message]) {
            expect(value === undefined || typeof value === 'string').toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
