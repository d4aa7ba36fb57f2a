import { streamSelection } from '../../src/cli/stream-options';

const args = (values: Record<string, unknown>) => ({
  values: values as Record<string, string[] | boolean>,
  positionals: [],
});

describe('streamSelection', () => {
  test('repeated --stream values, de-duplicated', () => {
    expect(streamSelection(args({ stream: ['orders', 'clicks', 'orders'] }), 'cmd')).toEqual({
      allStreams: false,
      streams: ['orders', 'clicks'],
    });
  });

  test('--all-streams', () => {
    expect(streamSelection(args({ 'all-streams': true }), 'cmd')).toEqual({ allStreams: true });
  });

  test('neither, both, or an empty name is a usage error with an example', () => {
    expect(() => streamSelection(args({}), 'cmd')).toThrow('cmd needs the streams to look at');
    expect(() => streamSelection(args({ stream: ['a'], 'all-streams': true }), 'cmd')).toThrow('not both');
    expect(() => streamSelection(args({ stream: [' '] }), 'cmd')).toThrow('not an empty string');
  });
});
