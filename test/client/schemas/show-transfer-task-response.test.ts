import { ShowTransferTaskResponseSchema } from '../../../src/client/schemas/show-transfer-task-response';

describe('ShowTransferTaskResponseSchema', () => {
  test('keeps a destination description under a misspelt key', () => {
    const parsed = ShowTransferTaskResponseSchema.parse({
      task_name: 't',
      state: 'RUNNING',
      destination_type: 'DWS',
      create_time: 1,
      dws_destination_descripton: { dws_database_name: 'db' },
    }) as Record<string, unknown>;
    expect(parsed.dws_destination_descripton).toEqual({ dws_database_name: 'db' });
  });

  test('refuses a description that is not an object', () => {
    const r = ShowTransferTaskResponseSchema.safeParse({
      task_name: 't',
      state: 'RUNNING',
      destination_type: 'OBS',
      create_time: 1,
      obs_destination_description: 'bucket',
    });
    expect(r.success).toBe(false);
  });
});
