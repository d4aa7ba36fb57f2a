import docExample from '../../fixtures/api/list-transfer-tasks.doc-example.json';
import full from '../../fixtures/api/list-transfer-tasks.full.json';
import { ListTransferTasksResponseSchema } from '../../../src/client/schemas/list-transfer-tasks-response';

describe('ListTransferTasksResponseSchema', () => {
  test('accepts the official example, which has task_id and no quota', () => {
    const parsed = ListTransferTasksResponseSchema.parse(docExample);
    expect(parsed.quota).toBeUndefined();
    expect(parsed.tasks[0].task_id).toBe('As805BudhcH1lDs6gbn');
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
    expect(ListTransferTasksResponseSchema.parse(body).tasks[0].state).toBe('FROZEN');
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
