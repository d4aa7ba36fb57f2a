import {
  MODE_CONTEXT_KEY,
  parseContextKey,
  projectStreamsContextKey,
  transferTasksContextKey,
} from '../../src/lookup/context-key';

describe('context keys', () => {
  test('the stream key format is pinned: committed cache files depend on it', () => {
    expect(transferTasksContextKey('cn-north-4', '0123456789abcdef0123456789abcdef', 'orders')).toBe(
      'dis-transfer-tasks:cn-north-4:0123456789abcdef0123456789abcdef:orders',
    );
  });

  test('the project stream-list key and the mode key are pinned', () => {
    expect(projectStreamsContextKey('cn-north-4', 'p1')).toBe('dis-transfer-tasks:cn-north-4:p1:*');
    expect(MODE_CONTEXT_KEY).toBe('dis-transfer-tasks:mode');
  });

  test('parses the keys it builds and nothing else', () => {
    expect(parseContextKey(transferTasksContextKey('eu-west-101', 'p', 's_1'))).toEqual({
      region: 'eu-west-101',
      projectId: 'p',
      streamName: 's_1',
    });
    expect(parseContextKey(MODE_CONTEXT_KEY)).toBeUndefined();
    expect(parseContextKey('other:cn-north-4:p:s')).toBeUndefined();
    expect(parseContextKey('dis-transfer-tasks:cn-north-4::s')).toBeUndefined();
  });
});
