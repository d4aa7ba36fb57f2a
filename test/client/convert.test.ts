import fc from 'fast-check';
import { toListTransferTasksResult, toStreamNames, toTransferTaskDetails } from '../../src/client/convert';
import { DisResponseError } from '../../src/client/errors';
import {
  ListStreamsResponseSchema,
  ListTransferTasksResponseSchema,
  ShowTransferTaskResponseSchema,
} from '../../src/client/schemas';
import type { ExchangeResult } from '../../src/client/transport';

const result: ExchangeResult = {
  response: { status: 200, headers: {}, text: '' },
  requestId: 'r-1',
  attempts: 1,
};
const facts = { context: { operation: 'ListTransferTasks', streamName: 'orders' }, result };
const TASK = { task_name: 'to-obs', state: 'RUNNING', destination_type: 'OBS', create_time: 1 };

function list(body: unknown) {
  return toListTransferTasksResult(ListTransferTasksResponseSchema.parse(body), facts);
}

function refusal(call: () => unknown): DisResponseError {
  try {
    call();
  } catch (error) {
    return error as DisResponseError;
  }
  throw new Error('expected a refusal');
}

describe('values from the service are checked before they are used', () => {
  test.each([
    ['a template expression in a task name', { task_name: 'x${file("/etc/hostname")}' }, 'tasks.0.task_name'],
    ['a directive in a task name', { task_name: 'x%{if true}y%{endif}' }, 'tasks.0.task_name'],
    ['a newline forging a line', { task_name: 'x\nGate PASSED' }, 'tasks.0.task_name'],
    ['an escape sequence', { task_name: 'x\u001b[2Jy' }, 'tasks.0.task_name'],
    ['65 characters', { task_name: 't'.repeat(65) }, 'tasks.0.task_name'],
    ['a lower-case state', { state: 'running' }, 'tasks.0.state'],
    ['a state with a space', { state: 'RUN NING' }, 'tasks.0.state'],
    ['a destination type with a template', { destination_type: 'OBS${x}' }, 'tasks.0.destination_type'],
  ])(
    '%s refuses the whole answer, naming the stream, the field and the value escaped',
    (_what, change, field) => {
      const error = refusal(() => list({ total_number: 2, tasks: [TASK, { ...TASK, ...change }].reverse() }));
      expect(error).toBeInstanceOf(DisResponseError);
      expect(error).toMatchObject({
        code: 'DIS_RESPONSE_INVALID',
        reason: 'INVALID_VALUE',
        requestId: 'r-1',
      });
      expect(error.message).toContain("the answer to ListTransferTasks of stream 'orders' (request id r-1)");
      expect(error.message).toContain(`${field} '`);
      // eslint-disable-next-line no-control-regex -- the assertion looks for control characters
      expect(error.message).not.toMatch(/[\u0000-\u001f\u007f]/);
      expect((error.details.issues as string[])[0]).toContain(field);
    },
  );

  test('an undocumented but well-formed state or destination type passes with a warning', () => {
    const r = list({ total_number: 1, tasks: [{ ...TASK, state: 'FROZEN', destination_type: 'KAFKA_2' }] });
    expect(r.tasks[0]).toMatchObject({ state: 'FROZEN', destinationType: 'KAFKA_2' });
    expect(r.warnings).toHaveLength(2);
  });

  test('a task id of an unexpected shape is left out with an escaped warning', () => {
    const r = list({ total_number: 1, tasks: [{ ...TASK, task_id: 'id ${x}\n' }] });
    expect(r.tasks[0].taskId).toBeUndefined();
    expect(r.warnings[0]).toBe("task 'to-obs' has task id 'id ${x}\\n', which is not an id; left out");
  });

  test('ShowTransferTask: a stream_name other than the stream asked about refuses the answer', () => {
    const body = ShowTransferTaskResponseSchema.parse({ ...TASK, stream_name: 'other' });
    expect(refusal(() => toTransferTaskDetails(body, 'orders', facts)).message).toContain(
      "stream_name 'other' is not the stream asked about ('orders')",
    );
  });

  test('an answer that echoes a credential anywhere (a name, a description) is refused, never used', () => {
    const secret = 'echoed-token-1234';
    const withSecrets = { ...facts, secrets: [secret] };
    const listed = ListTransferTasksResponseSchema.parse({
      total_number: 1,
      tasks: [{ ...TASK, task_name: secret }],
    });
    const error = refusal(() => toListTransferTasksResult(listed, withSecrets));
    expect(error).toMatchObject({ reason: 'INVALID_VALUE' });
    expect(error.message).toContain('holds a credential value of this client');
    const shown = ShowTransferTaskResponseSchema.parse({
      ...TASK,
      obs_destination_description: { agency_name: secret },
    });
    expect(refusal(() => toTransferTaskDetails(shown, 'orders', withSecrets)).reason).toBe('INVALID_VALUE');
    // the same answers without the secret among the client's credentials are used
    expect(toListTransferTasksResult(listed, facts).tasks[0].taskName).toBe(secret);
  });

  test('ListStreams: a stream name that breaks the rule refuses the page', () => {
    const body = ListStreamsResponseSchema.parse({ stream_names: ['ok', 'bad name'] });
    expect(refusal(() => toStreamNames(body, facts)).message).toContain(
      "stream_names.1 'bad name' is not valid",
    );
  });
});

describe('null is read as absent wherever the SDK models allow it', () => {
  test('ListTransferTasks: quota, task_id, last_transfer_timestamp and total_number', () => {
    const r = list({
      total_number: null,
      quota: null,
      tasks: [{ ...TASK, task_id: null, last_transfer_timestamp: null }],
    });
    expect(r).toEqual({
      totalNumber: 1,
      tasks: [{ taskName: 'to-obs', state: 'RUNNING', destinationType: 'OBS', createTime: 1 }],
      requestId: 'r-1',
      warnings: [],
    });
  });

  test('ListTransferTasks: tasks null or absent is an empty list unless total_number says otherwise', () => {
    expect(list({ total_number: 0, tasks: null }).tasks).toEqual([]);
    expect(list({}).tasks).toEqual([]);
    expect(ListTransferTasksResponseSchema.safeParse({ total_number: 2, tasks: null }).success).toBe(false);
  });

  test('ListTransferTasks: a field the client cannot do without stays required, null or not', () => {
    for (const field of ['task_name', 'state', 'destination_type', 'create_time']) {
      const r = ListTransferTasksResponseSchema.safeParse({
        total_number: 1,
        tasks: [{ ...TASK, [field]: null }],
      });
      expect(r.success).toBe(false);
    }
  });

  test('ShowTransferTask: stream_name, stream_id, partitions and every description', () => {
    const body = ShowTransferTaskResponseSchema.parse({
      ...TASK,
      stream_name: null,
      stream_id: null,
      partitions: null,
      obs_destination_description: null,
      dws_destination_descripton: { dws_database_name: 'db' },
    });
    expect(toTransferTaskDetails(body, 'orders', facts)).toMatchObject({
      streamName: 'orders',
      partitions: [],
      destinationDescription: { dws_database_name: 'db' },
    });
  });

  test('ListStreams: stream_names and has_more_streams', () => {
    const body = ListStreamsResponseSchema.parse({
      total_number: null,
      stream_names: null,
      has_more_streams: null,
    });
    expect(toStreamNames(body, facts)).toEqual([]);
    expect(body.has_more_streams).toBeUndefined();
  });
});

describe('property: any JSON body gives a result or a coded error', () => {
  const anyTask = fc.record(
    {
      task_name: fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/), fc.string(), fc.constant(null)),
      task_id: fc.option(fc.string(), { nil: null }),
      state: fc.oneof(fc.constantFrom('RUNNING', 'PAUSED', 'FROZEN'), fc.string(), fc.constant(null)),
      destination_type: fc.oneof(fc.constantFrom('OBS', 'DLI'), fc.string()),
      create_time: fc.oneof(fc.nat(), fc.double(), fc.constant(null)),
      last_transfer_timestamp: fc.option(fc.nat(), { nil: null }),
    },
    { requiredKeys: [] },
  );
  const anyBody = fc.oneof(
    fc.record(
      {
        total_number: fc.option(fc.nat(10), { nil: null }),
        quota: fc.option(fc.integer(), { nil: null }),
        tasks: fc.option(fc.array(anyTask, { maxLength: 6 }), { nil: null }),
      },
      { requiredKeys: [] },
    ),
    fc.jsonValue(),
  );

  test('ListTransferTasks never throws anything but a DisResponseError, and keeps only valid values', () => {
    fc.assert(
      fc.property(anyBody, (body) => {
        const parsed = ListTransferTasksResponseSchema.safeParse(body);
        if (!parsed.success) return;
        try {
          const r = toListTransferTasksResult(parsed.data, facts);
          for (const t of r.tasks) {
            expect(t.taskName).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
            expect(t.state).toMatch(/^[A-Z][A-Z0-9_]*$/);
            expect(t.destinationType).toMatch(/^[A-Z][A-Z0-9_]*$/);
          }
        } catch (error) {
          expect(error).toBeInstanceOf(DisResponseError);
          // eslint-disable-next-line no-control-regex -- the assertion looks for control characters
          expect((error as Error).message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
        }
      }),
      { numRuns: 500 },
    );
  });
});
